using System.Text.Json;
using ProceduralMemory.AI.Mcp;

namespace ProceduralMemory.AI.Tests.Mcp;

public class ToolSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {"type": "object",
         "properties": {
           "task": {"type": "string", "minLength": 1},
           "k": {"type": "integer", "minimum": 1},
           "calls": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "arguments": {"type": "object"}},
                                                 "required": ["name", "arguments"], "additionalProperties": false}}},
         "required": ["task"],
         "additionalProperties": false}
        """).RootElement;

    [Theory]
    [InlineData("""{"task": "return a lamp"}""")]
    [InlineData("""{"task": "return a lamp", "k": 2}""")]
    [InlineData("""{"task": "return a lamp", "k": 2.0}""")]
    [InlineData("""{"task": "x", "calls": [{"name": "get_order_details", "arguments": {"order_id": "#W1"}}]}""")]
    public void Violation_IsNull_ForArgumentsThatFit(string json) =>
        Assert.Null(ToolSchema.Violation(Schema, JsonDocument.Parse(json).RootElement, "arguments"));

    [Theory]
    [InlineData("""{"k": 2}""", "arguments.task is required")]
    [InlineData("""{"task": "  "}""", "arguments.task must have at least 1 non-blank character(s)")]
    [InlineData("""{"task": "x", "k": 0}""", "arguments.k must be at least 1, not 0")]
    [InlineData("""{"task": "x", "k": 2.5}""", "arguments.k must be an integer, not the number 2.5")]
    [InlineData("""{"task": "x", "k": 1e12}""", "arguments.k must be an integer, not the number 1e12")]
    [InlineData("""{"task": "x", "k": "2"}""", "arguments.k must be an integer, not a string")]
    [InlineData("""{"task": "x", "top": 2}""", "arguments has an unknown property 'top'")]
    [InlineData("""{"task": "x", "calls": {}}""", "arguments.calls must be an array, not an object")]
    [InlineData("""{"task": "x", "calls": [{"name": "a", "arguments": {}}, {"name": "b"}]}""", "arguments.calls[1].arguments is required")]
    [InlineData("""{"task": "x", "calls": [{"name": "a", "arguments": "{}"}]}""", "arguments.calls[0].arguments must be an object, not a string")]
    [InlineData("""[]""", "arguments must be an object, not an array")]
    public void Violation_NamesTheFirstBreach_WithItsPath(string json, string expected) =>
        Assert.Equal(expected, ToolSchema.Violation(Schema, JsonDocument.Parse(json).RootElement, "arguments"));
}
