using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments;

public class FactSchemaNamesTests
{
    private static FactCondition Made(FactSchema schema, bool value, params string[] facts) =>
        new(schema.MaskOf(facts), value ? schema.MaskOf(facts) : 0);

    [Fact]
    public void MiniGridFacts_AreNamedByWhatTheyAchieve()
    {
        FactSchema schema = MiniGridObservation.FactNames;
        Assert.Equal("pickup(key)", schema.NameOf(Made(schema, true, "has_key")));
        Assert.Equal("drop(key)", schema.NameOf(Made(schema, false, "has_key")));
        Assert.Equal("open(door)", schema.NameOf(Made(schema, true, "door_open")));
        Assert.Equal("reach(goal)", schema.NameOf(Made(schema, true, "at_goal")));
        Assert.Equal("open(mission_door)", schema.NameOf(Made(schema, true, "mission_door_open")));
        Assert.Equal("pickup(box)+pickup(mission_object)", schema.NameOf(Made(schema, true, "carrying_box", "carrying_mission_object")));
    }

    [Fact]
    public void AFactWithoutAName_IsNamedByTheFact_AndASchemaWithoutNames_AsLibrariesWereBefore()
    {
        FactSchema mixed = MiniGridObservation.FactNames;
        Assert.Equal("pickup(key)+achieve_key_visible", mixed.NameOf(Made(mixed, true, "has_key", "key_visible")));

        var plain = new FactSchema(["a", "b"]);
        Assert.Equal("achieve_a_and_b", plain.NameOf(Made(plain, true, "a", "b")));
        Assert.Equal("achieve_not_b", plain.NameOf(Made(plain, false, "b")));
    }

    [Fact]
    public void AnAchievementOfAnUnknownFact_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new FactSchema(["a"], achievements: [new FactAchievement("b", "make(b)")]));
}
