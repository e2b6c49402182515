using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Tests.Tools.Tau;

public sealed class TauEnvironmentTests
{
    private static (TauEnvironment Environment, ToolTask Task) Start(TauDomain domain, string split, int index)
    {
        TauEnvironment environment = domain.CreateEnvironment();
        ToolTask task = domain.Tasks(split)[index];
        environment.Reset(task);
        return (environment, task);
    }

    [Theory]
    [InlineData("retail", "test", 0)]
    [InlineData("retail", "train", 8)]
    [InlineData("airline", "test", 1)]
    public void Evaluate_AfterTheGroundTruthCalls_Succeeds(string name, string split, int index)
    {
        TauDomain domain = name == "retail" ? TauDomains.Retail : TauDomains.Airline;
        var (environment, task) = Start(domain, split, index);
        foreach (ToolCall call in task.Actions)
            environment.Invoke(call);

        ToolEvaluation evaluation = environment.Evaluate([.. task.Outputs.Select(o => $"Done: {o}.")]);

        Assert.True(evaluation.Success, $"{task.Id}: {evaluation}");
    }

    [Fact]
    public void Evaluate_AfterAWrongStateChange_FailsOnState()
    {
        var (environment, task) = Start(TauDomains.Retail, "train", 0);
        foreach (ToolCall call in task.Actions)
            environment.Invoke(call);
        environment.Invoke(ToolCall.Parse("modify_user_address",
            """{"user_id":"omar_anderson_3203","address1":"1 A St","address2":"","city":"X","state":"NY","country":"USA","zip":"10001"}"""));

        Assert.False(environment.Evaluate([]).StateMatches);
    }

    [Fact]
    public void Evaluate_WithoutAnyCall_FailsOnStateForATaskThatChangesIt()
    {
        var (environment, _) = Start(TauDomains.Airline, "test", 1);

        Assert.False(environment.Evaluate([]).StateMatches);
    }

    [Fact]
    public void Reset_StartsFromTheInitialDatabaseAgain()
    {
        var (environment, task) = Start(TauDomains.Retail, "train", 0);
        environment.Invoke(task.Actions[0]);
        Assert.NotEqual(TauDomains.Retail.InitialDigest, environment.Digest);

        environment.Reset(task);

        Assert.Equal(TauDomains.Retail.InitialDigest, environment.Digest);
    }

    [Fact]
    public void OutputsGiven_IgnoresCaseAndCommasInWhatWasSaid()
    {
        Assert.True(TauEnvironment.OutputsGiven(["1234.5", "Laptop"], ["The refund is $1,234.5 for the LAPTOP."]));
        Assert.False(TauEnvironment.OutputsGiven(["1234.5"], ["The refund is $1 234.5."]));
    }

    [Fact]
    public void Tools_ComeFromToolsJson_WithStateChangingOnesMarked()
    {
        IReadOnlyList<ToolDefinition> tools = TauDomains.Airline.Tools;

        Assert.Equal(14, tools.Count);
        Assert.Equal(
            ["book_reservation", "cancel_reservation", "send_certificate", "update_reservation_baggages", "update_reservation_flights", "update_reservation_passengers"],
            tools.Where(t => t.ChangesState).Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(16, TauDomains.Retail.Tools.Count);
        Assert.Equal(7, TauDomains.Retail.Tools.Count(t => t.ChangesState));
    }

    [Fact]
    public void Tasks_HaveIdsBySplitAndIndex()
    {
        Assert.Equal(500, TauDomains.Retail.Tasks("train").Count);
        Assert.Equal(115, TauDomains.Retail.Tasks("test").Count);
        Assert.Equal(50, TauDomains.Airline.Tasks("test").Count);
        Assert.Equal("retail/test/12", TauDomains.Retail.Tasks("test")[12].Id);
    }
}
