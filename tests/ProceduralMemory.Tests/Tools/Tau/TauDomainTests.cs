using System.Text.Json.Nodes;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Tests.Tools.Tau;

public sealed class TauDomainTests
{
    [Theory]
    [InlineData("retail")]
    [InlineData("airline")]
    public void Invoke_WithArgumentsOfTheWrongKind_GivesAnErrorAndChangesNothing(string name)
    {
        TauDomain domain = name == "retail" ? TauDomains.Retail : TauDomains.Airline;
        TauDatabase database = domain.Database.Fork();
        foreach (ToolDefinition tool in domain.Tools)
        {
            var arguments = new JsonObject();
            foreach (var property in tool.Parameters.GetProperty("properties").EnumerateObject())
                arguments[property.Name] = 7;

            ToolResult result = domain.Invoke(database, new ToolCall(tool.Name, System.Text.Json.JsonSerializer.SerializeToElement(arguments)));

            if (tool.ChangesState)
                Assert.True(result.IsError, $"{tool.Name}: {result.Output}");
        }
        Assert.Equal(domain.InitialDigest, database.Digest());
    }

    [Fact]
    public void Load_OfAnUnknownDomain_Throws() =>
        Assert.Throws<ArgumentException>(() => TauDomain.Load("bank", DataFiles.TauDomain("retail")));
}
