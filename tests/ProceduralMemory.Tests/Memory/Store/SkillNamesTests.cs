using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Tests.Memory.Store;

public class SkillNamesTests
{
    [Theory]
    [InlineData("achieve_door_open", "", "achieve_door_open")]
    [InlineData("achieve_door_open", "achieve_door_open", "achieve_door_open#2")]
    [InlineData("achieve_door_open", "achieve_door_open,achieve_door_open#2,achieve_door_open#4", "achieve_door_open#3")]
    [InlineData("achieve_door_open#2", "achieve_door_open#2", "achieve_door_open#3")]
    [InlineData("a#b", "a#b", "a#b#2")]
    [InlineData("x#", "x#", "x##2")]
    public void Unique_IsTheWantedName_OrTheSmallestFreeNumber(string wanted, string taken, string expected)
    {
        string[] names = taken.Length == 0 ? [] : taken.Split(',');

        Assert.Equal(expected, SkillNames.Unique(wanted, names));
        Assert.True(expected == wanted || expected.StartsWith(SkillNames.Prefix(wanted), StringComparison.Ordinal));
    }
}
