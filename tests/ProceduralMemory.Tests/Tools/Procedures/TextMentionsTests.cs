using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tests.Tools.Procedures;

public sealed class TextMentionsTests
{
    [Fact]
    public void Find_IgnoresCaseButNotWordBoundaries()
    {
        Assert.Equal(11, TextMentions.Find("return the water bottle", "Water Bottle"));
        Assert.Equal(-1, TextMentions.Find("two lamps please", "Lamp"));
        Assert.Equal(-1, TextMentions.Find("a desklamp", "lamp"));
    }

    [Fact]
    public void Find_FromAStart_SkipsEarlierMentions()
    {
        const string text = "Dune, then Dune again";
        Assert.Equal(0, TextMentions.Find(text, "dune"));
        Assert.Equal(11, TextMentions.Find(text, "dune", 1));
    }

    [Fact]
    public void Find_ValueEdgedWithPunctuation_NeedsNoBoundaryThere()
    {
        Assert.Equal(6, TextMentions.Find("order #W1234.", "#W1234"));
        Assert.Equal(3, TextMentions.Find("pay$12 now", "$12"));
    }

    [Fact]
    public void Find_BlankValue_IsNeverMentioned()
    {
        Assert.Equal(-1, TextMentions.Find("anything", " "));
        Assert.False(TextMentions.Mentions("anything", ""));
    }

    [Fact]
    public void Mentions_IsFindFoundSomething()
    {
        Assert.True(TextMentions.Mentions("Return EMMA please", "Emma"));
        Assert.False(TextMentions.Mentions("Return Emmanuel please", "Emma"));
    }

    [Fact]
    public void FindReference_PrefersTheWholeName()
    {
        Assert.Equal(4, TextMentions.FindReference("the Hiking Boots and boots", "Hiking Boots"));
    }

    [Fact]
    public void FindReference_AcceptsTheNameWithoutItsPunctuation()
    {
        Assert.Equal(7, TextMentions.FindReference("return tshirt", "T-Shirt"));
    }

    [Theory]
    [InlineData("send back the boots", "Hiking Boots", 14)]
    [InlineData("my headphone is broken", "Wireless Headphones", 3)]
    [InlineData("both hobbits", "The Hobbit", 5)]
    public void FindReference_AcceptsTheLastWordSingularOrPlural(string text, string name, int expected) =>
        Assert.Equal(expected, TextMentions.FindReference(text, name));

    [Theory]
    [InlineData("return the toy", "Cat Toy")]
    [InlineData("return the lamps", "Lamp")]
    [InlineData("return the R2 unit", "Astro R2")]
    public void FindReference_ShortOneWordOrNonLetterTails_AreNoReference(string text, string name) =>
        Assert.Equal(-1, TextMentions.FindReference(text, name));

    [Fact]
    public void Clauses_CutAtSentenceEndsAndLineBreaks_WithTheirStarts()
    {
        const string text = "Hi. I want Dune! Also Emma?\nThanks";

        var clauses = TextMentions.Clauses(text);

        Assert.Equal(["Hi.", "I want Dune!", "Also Emma?", "Thanks"], clauses.Select(c => c.Text));
        Assert.All(clauses, c => Assert.Equal(c.Start, text.IndexOf(c.Text, StringComparison.Ordinal)));
    }

    [Fact]
    public void Clauses_PunctuationInsideAValue_DoesNotCut()
    {
        var clauses = TextMentions.Clauses("Mail ada@example.org about the $12.50 fee. Done");

        Assert.Equal(["Mail ada@example.org about the $12.50 fee.", "Done"], clauses.Select(c => c.Text));
    }

    [Fact]
    public void Clauses_OfBlankText_AreNone() => Assert.Empty(TextMentions.Clauses("  \n "));

    [Fact]
    public void WordsBefore_GivesLowerCaseWordsNearestLast()
    {
        const string text = "Please Return order #W1234 now";

        Assert.Equal(["return", "order"], TextMentions.WordsBefore(text, text.IndexOf('#'), 2));
        Assert.Equal(["please", "return", "order"], TextMentions.WordsBefore(text, text.IndexOf('#'), 5));
        Assert.Empty(TextMentions.WordsBefore(text, 0, 3));
    }
}
