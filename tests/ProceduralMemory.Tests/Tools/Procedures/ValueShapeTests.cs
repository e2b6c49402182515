using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tests.Tools.Procedures;

public sealed class ValueShapeTests
{
    [Theory]
    [InlineData("#W6067464", @"\#W\d{7}")]
    [InlineData("credit_card_4190576", @"[a-z]+_[a-z]+_\d{7}")]
    [InlineData("Omar", "[A-Z][a-z]+")]
    [InlineData("12", @"\d+")]
    [InlineData("mem_1001", @"[a-z]+_\d{4}")]
    public void Of_TurnsRunsIntoClassesAndKeepsTheRest(string value, string expected) =>
        Assert.Equal(expected, ValueShape.Of(value));

    [Theory]
    [InlineData("#W6067464")]
    [InlineData("ada.l+1@example.org")]
    [InlineData("$12.50 (net)")]
    public void Of_AValuesShape_FindsTheValueItself(string value) =>
        Assert.Equal([(4, value)], ValueShape.Find("see " + value + " here", ValueShape.Of(value)));

    [Fact]
    public void Of_KeepsAnIdentifiersLengthButNotAQuantitys()
    {
        Assert.NotEqual(ValueShape.Of("1234"), ValueShape.Of("12345"));
        Assert.Equal(ValueShape.Of("1"), ValueShape.Of("123"));
    }

    [Fact]
    public void Find_GivesEverySpanOfTheShapeWithItsPosition()
    {
        string shape = ValueShape.Of("L-20417");

        var found = ValueShape.Find("loans L-30021 and L-50290, not L-123", shape);

        Assert.Equal([(6, "L-30021"), (18, "L-50290")], found);
    }

    [Fact]
    public void Find_IgnoresSpansInsideLongerWords()
    {
        string shape = ValueShape.Of("L-20417");

        Assert.Empty(ValueShape.Find("XL-20417 and L-204171", shape));
    }
}
