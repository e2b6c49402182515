using ProceduralMemory.Tools.Agents;

namespace ProceduralMemory.Tests.Tools.Agents;

public sealed class ProcedureAgentOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new ProcedureAgentOptions();

        Assert.Equal(0.2f, options.SimilarityFloor);
        Assert.Equal(ProcedureAgentOptions.DefaultSimilarityFloor, options.SimilarityFloor);
        Assert.Equal(0.25, options.MinSuccessRate);
        Assert.Equal(3, options.UsesToJudge);
        Assert.Equal(3, options.Candidates);
        Assert.False(options.SeveralPerClause);
        Assert.Equal(60, options.MaxCallsPerProcedure);
        Assert.True(options.Learn);
    }
}
