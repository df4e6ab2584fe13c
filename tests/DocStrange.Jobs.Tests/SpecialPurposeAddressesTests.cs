using System.Net;
using System.Net.NetworkInformation;
using DocStrange.Jobs.Network;
using DocStrange.Jobs.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace DocStrange.Jobs.Tests;

/// <summary>The IANA special-purpose ranges and the server's own addresses, as every outgoing request a caller aims sees them.</summary>
public sealed class SpecialPurposeAddressesTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("10.1.2.3")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.8")]
    [InlineData("192.0.0.170")]
    [InlineData("192.0.2.1")]
    [InlineData("192.88.99.1")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.1")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("224.0.0.251")]
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:192.0.2.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b::c000:201")]
    [InlineData("64:ff9b:1::808:808")]
    [InlineData("100::1")]
    [InlineData("100:0:0:1::1")]
    [InlineData("2001::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")]
    [InlineData("2001:2::1")]
    [InlineData("2001:10::1")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:db8:ffff::1")]
    [InlineData("2002:c000:0201::1")]
    [InlineData("3fff::1")]
    [InlineData("5f00::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("fec0::1")]
    [InlineData("ff02::1")]
    [InlineData("ff0e::1")]
    [InlineData("4000::1")]
    public void Special_purpose_addresses_are_refused(string address)
    {
        var ip = IPAddress.Parse(address);
        Assert.True(SpecialPurposeAddresses.Contains(ip));
        Assert.False(AddressPolicy.IsPublic(ip));
        Assert.False(AddressPolicy.PublicOnly.Allows(ip));
        Assert.False(WebhookTargets.IsPublic(ip));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.216.34")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("192.0.3.1")]
    [InlineData("192.88.98.1")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.1")]
    [InlineData("198.51.101.1")]
    [InlineData("203.0.112.1")]
    [InlineData("223.255.255.254")]
    [InlineData("2606:4700::1111")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:82b::200e")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void Public_addresses_are_allowed(string address)
    {
        var ip = IPAddress.Parse(address);
        Assert.False(SpecialPurposeAddresses.Contains(ip));
        Assert.True(AddressPolicy.PublicOnly.Allows(ip));
    }

    [Fact]
    public void The_servers_own_addresses_are_refused_even_when_public_or_in_a_listed_network()
    {
        var own = new HostAddresses(() => [IPAddress.Parse("8.8.4.4"), IPAddress.Parse("10.20.0.5"), IPAddress.Parse("2606:4700::6810:1")]);
        var policy = AddressPolicy.PublicAnd([IPNetwork.Parse("10.20.0.0/16")], own);

        Assert.False(policy.Allows(IPAddress.Parse("8.8.4.4")));
        Assert.False(policy.Allows(IPAddress.Parse("::ffff:8.8.4.4")));
        Assert.False(policy.Allows(IPAddress.Parse("10.20.0.5")));
        Assert.False(policy.Allows(IPAddress.Parse("2606:4700::6810:1")));
        Assert.True(policy.Allows(IPAddress.Parse("10.20.0.6")));
        Assert.True(policy.Allows(IPAddress.Parse("8.8.8.8")));
    }

    [Fact]
    public void Every_address_of_this_machines_interfaces_is_refused_even_when_listed()
    {
        var interfaces = NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address).ToList();
        Assert.NotEmpty(interfaces);
        var listed = AddressPolicy.PublicAnd(interfaces.Select(a => new IPNetwork(new IPAddress(a.GetAddressBytes()), a.GetAddressBytes().Length * 8)));
        Assert.All(interfaces, a => Assert.False(listed.Allows(a), $"{a} is this machine's own"));
    }

    [Fact]
    public void Interface_addresses_are_read_again_after_a_few_seconds()
    {
        var clock = new FakeTimeProvider();
        var current = IPAddress.Parse("8.8.4.4");
        var own = new HostAddresses(() => [current], clock);
        Assert.True(own.Contains(IPAddress.Parse("8.8.4.4")));

        current = IPAddress.Parse("1.0.0.1");
        Assert.True(own.Contains(IPAddress.Parse("8.8.4.4")));
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.False(own.Contains(IPAddress.Parse("8.8.4.4")));
        Assert.True(own.Contains(IPAddress.Parse("1.0.0.1")));
    }
}
