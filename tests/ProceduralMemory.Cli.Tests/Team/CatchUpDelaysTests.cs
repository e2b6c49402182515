using ProceduralMemory.Cli.Team;

namespace ProceduralMemory.Cli.Tests.Team;

public class CatchUpDelaysTests
{
    [Fact]
    public void Of_MeasuresFromTheStoringMemberToEachOtherMembersArrival()
    {
        IReadOnlyList<SkillEvent>[] members =
        [
            [new(SkillEvent.Stored, 1, "a", 1_000_000), new(SkillEvent.Arrived, 2, "b", 9_000_000)],
            [new(SkillEvent.Arrived, 1, "a", 3_000_000), new(SkillEvent.Stored, 2, "b", 5_000_000)],
            [new(SkillEvent.Arrived, 1, "a", 2_500_000), new(SkillEvent.Arrived, 2, "b", 5_500_000)],
        ];

        Assert.Equal([0.5, 1.5, 2.0, 4.0], CatchUpDelays.Of(members));
    }

    [Fact]
    public void Of_IgnoresArrivalsOfSkillsNobodyInTheTeamStored()
    {
        IReadOnlyList<SkillEvent>[] members = [[new(SkillEvent.Arrived, 7, "older", 10)], []];

        Assert.Empty(CatchUpDelays.Of(members));
    }

    [Fact]
    public void Events_RoundTripThroughTheirLogFile()
    {
        using var dir = new TemporaryDirectory();
        string log = dir.Combine("events.jsonl");
        var stored = SkillEvent.Now(SkillEvent.Stored, 3, "achieve_has_key");
        var arrived = SkillEvent.Now(SkillEvent.Arrived, 4, "achieve_at_goal");
        stored.AppendTo(log);
        arrived.AppendTo(log);

        Assert.Equal([stored, arrived], SkillEvent.ReadAll(log));
        Assert.True(arrived.AtNanoseconds >= stored.AtNanoseconds);
        Assert.Empty(SkillEvent.ReadAll(dir.Combine("missing.jsonl")));
    }
}
