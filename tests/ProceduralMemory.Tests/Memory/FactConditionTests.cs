using ProceduralMemory.Environments;

namespace ProceduralMemory.Tests.Memory;

public class FactConditionTests
{
    private static readonly FactSchema Schema = new(["has_key", "door_open", "at_goal"]);

    [Fact]
    public void IsSatisfiedBy_ChecksOnlyMaskedFacts()
    {
        var condition = FactCondition.Of(new Facts(0b001), Schema.MaskOf("has_key", "door_open"));
        Assert.True(condition.IsSatisfiedBy(new Facts(0b001)));
        Assert.True(condition.IsSatisfiedBy(new Facts(0b101)));
        Assert.False(condition.IsSatisfiedBy(new Facts(0b011)));
        Assert.False(condition.IsSatisfiedBy(new Facts(0b000)));
    }

    [Fact]
    public void Always_IsSatisfiedByAnything() => Assert.True(FactCondition.Always.IsSatisfiedBy(new Facts(ulong.MaxValue)));

    [Fact]
    public void Format_NamesTheConstrainedFacts() =>
        Assert.Equal("{has_key=true, door_open=false}", FactCondition.Of(new Facts(0b001), Schema.MaskOf("has_key", "door_open")).Format(Schema));

    [Fact]
    public void Schema_RejectsUnknownFactNames()
    {
        var error = Assert.Throws<ArgumentException>(() => Schema.IndexOf("door_locked"));
        Assert.Contains("has_key", error.Message);
    }
}
