using System.Text.Json.Nodes;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Induction;

namespace ProceduralMemory.Tests.Tools.Procedures.Induction;

public sealed class PathGeneraliserTests
{
    private static readonly JsonNode Loan = JsonNode.Parse("""
        {"loan_id":"L-1","books":[{"title":"Dune","book_id":"b1","open":true},{"title":"Emma","book_id":"b2","open":false}],
         "editions":{"e-1":{"format":"paperback"}}}
        """)!;

    [Fact]
    public void Candidates_WidenAnElementStepWithEachFilter_AndKeepThePosition()
    {
        var paths = PathGeneraliser.Candidates(Loan, "$.books[1].book_id");

        Assert.Contains("$.books[*].book_id", paths);
        Assert.Contains("$.books[*][best].book_id", paths);
        Assert.Contains("$.books[*][mentioned:title].book_id", paths);
        Assert.Contains("$.books[*][open=false].book_id", paths);
        Assert.Contains("$.books[*][open=false][best].book_id", paths);
        Assert.Equal("$.books[1].book_id", paths[^1]);
        Assert.Equal(paths.Count, paths.Distinct().Count());
    }

    [Fact]
    public void Candidates_OfAPathThroughAnIdKey_DropTheConcretePath()
    {
        var paths = PathGeneraliser.Candidates(Loan, "$.editions['e-1'].format");

        Assert.DoesNotContain("$.editions['e-1'].format", paths);
        Assert.Contains("$.editions[*].format", paths);
    }

    [Fact]
    public void Candidates_WithoutElementSteps_AreThePathItself() =>
        Assert.Equal(["$.loan_id"], PathGeneraliser.Candidates(Loan, "$.loan_id"));

    [Fact]
    public void Candidates_MentionedTitle_FindsOnAnotherTextTheBookItNames()
    {
        string mentioned = PathGeneraliser.Candidates(Loan, "$.books[0].book_id").Single(p => p.Contains("mentioned:title"));

        Assert.Equal("b2", Assert.Single(ResultPath.Evaluate(Loan, mentioned, "I return Emma")).GetValue<string>());
    }
}
