using System.Net;
using DocStrange.Jobs.Network;

namespace DocStrange.Jobs.Tests;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::")]
    [InlineData("0.0.0.0")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("::a00:1")]
    [InlineData("ff02::1")]
    public void Non_public_addresses_and_ipv6_forms_carrying_them_are_refused(string address) =>
        Assert.False(AddressPolicy.PublicOnly.Allows(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:93.184.216.34")]
    public void Public_addresses_are_allowed(string address) => Assert.True(AddressPolicy.PublicOnly.Allows(IPAddress.Parse(address)));

    [Fact]
    public void A_listed_network_is_allowed_and_its_neighbours_are_not()
    {
        var policy = AddressPolicy.PublicAnd([IPNetwork.Parse("10.20.0.0/16")]);
        Assert.True(policy.Allows(IPAddress.Parse("10.20.3.4")));
        Assert.True(policy.Allows(IPAddress.Parse("::ffff:10.20.3.4")));
        Assert.False(policy.Allows(IPAddress.Parse("10.21.0.1")));
        Assert.False(policy.Allows(IPAddress.Parse("127.0.0.1")));
    }

    [Fact]
    public async Task The_connector_refuses_a_private_address_before_dialling()
    {
        var error = await Assert.ThrowsAsync<AddressRefusedException>(async () =>
            await GuardedConnector.ConnectAsync(new DnsEndPoint("169.254.169.254", 80), AddressPolicy.PublicOnly, CancellationToken.None));
        Assert.Equal(IPAddress.Parse("169.254.169.254"), error.Address);
    }

    [Fact]
    public async Task The_connector_refuses_a_name_that_resolves_to_loopback()
    {
        var error = await Assert.ThrowsAsync<AddressRefusedException>(async () =>
            await GuardedConnector.ConnectAsync(new DnsEndPoint("localhost", 80), AddressPolicy.PublicOnly, CancellationToken.None));
        Assert.True(IPAddress.IsLoopback(error.Address));
    }
}
