using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Tests;

public class JobStateMachineTests
{
    public static TheoryData<JobState, JobState, bool> Transitions()
    {
        // Every pair of states, with the verdict the state machine of SPEC §3 gives.
        var allowed = new HashSet<(JobState, JobState)>
        {
            (JobState.Pending, JobState.Processing),
            (JobState.Pending, JobState.Cancelled),
            (JobState.Processing, JobState.Completed),
            (JobState.Processing, JobState.Failed),
            (JobState.Processing, JobState.Cancelled),
            (JobState.Processing, JobState.Pending),
        };
        var data = new TheoryData<JobState, JobState, bool>();
        foreach (var from in Enum.GetValues<JobState>())
        {
            foreach (var to in Enum.GetValues<JobState>())
            {
                data.Add(from, to, allowed.Contains((from, to)));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Only_the_specified_transitions_are_allowed(JobState from, JobState to, bool expected) =>
        Assert.Equal(expected, JobStateMachine.CanTransition(from, to));

    [Theory]
    [InlineData(JobState.Pending, false)]
    [InlineData(JobState.Processing, false)]
    [InlineData(JobState.Completed, true)]
    [InlineData(JobState.Failed, true)]
    [InlineData(JobState.Cancelled, true)]
    public void Final_states_have_no_way_out(JobState state, bool final)
    {
        Assert.Equal(final, JobStateMachine.IsFinal(state));
        if (final)
        {
            Assert.All(Enum.GetValues<JobState>(), to => Assert.False(JobStateMachine.CanTransition(state, to)));
        }
    }

    [Fact]
    public void Sources_of_a_state_are_listed()
    {
        Assert.Equal([JobState.Pending, JobState.Processing], JobStateMachine.SourcesOf(JobState.Cancelled).Order());
        Assert.Equal([JobState.Processing], JobStateMachine.SourcesOf(JobState.Completed));
    }
}
