using ProceduralMemory.Cli.Team;

namespace ProceduralMemory.Cli.Tests.Team;

public class SkillEventTests
{
    [Fact]
    public void ReadAll_LeavesOutALastLineCutShortByAKill()
    {
        using var dir = new TemporaryDirectory();
        string file = dir.Combine("events.jsonl");
        SkillEvent.Now(SkillEvent.Stored, 0, "achieve_has_key").AppendTo(file);
        SkillEvent.Now(SkillEvent.Arrived, 1, "achieve_door_open").AppendTo(file);
        File.AppendAllText(file, "{\"event\":\"stored\",\"skill\":2,\"na");

        IReadOnlyList<SkillEvent> events = SkillEvent.ReadAll(file);

        Assert.Equal([(SkillEvent.Stored, 0, "achieve_has_key"), (SkillEvent.Arrived, 1, "achieve_door_open")],
            events.Select(e => (e.Kind, e.SkillId, e.Name)));
    }
}
