using System.Text.Json.Nodes;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tests.Tools.Procedures;

public sealed class ToolResultsTests
{
    [Fact]
    public void Parse_JsonOutput_IsItsJson()
    {
        JsonNode? parsed = ToolResults.Parse(ToolResult.Ok(""" {"loan_id":"L-1","books":[]}"""));

        Assert.Equal("L-1", parsed!["loan_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("mem_1001")]
    [InlineData("{not json")]
    [InlineData("")]
    public void Parse_OtherOutput_IsTheTextAsAString(string output) =>
        Assert.Equal(output, ToolResults.Parse(ToolResult.Ok(output))!.GetValue<string>());

    [Fact]
    public void Parse_AnError_IsNull() => Assert.Null(ToolResults.Parse(ToolResult.Error("loan not found")));
}
