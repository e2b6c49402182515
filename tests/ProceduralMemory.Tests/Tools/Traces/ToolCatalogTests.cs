using System.Text.Json;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.Tests.Tools.Traces;

public sealed class ToolCatalogTests
{
    private static readonly string[] RetailStateChanging =
    [
        "cancel_pending_order", "exchange_delivered_order_items", "modify_pending_order_address", "modify_pending_order_items",
        "modify_pending_order_payment", "modify_user_address", "return_delivered_order_items",
    ];

    private static string RetailTools => Path.Combine(DataFiles.TauDomain("retail"), "tools.json");

    [Fact]
    public void Load_ReadsEveryRetailToolWithItsSchema()
    {
        var catalog = ToolCatalog.Load(RetailTools);

        Assert.Equal(16, catalog.Tools.Count);
        Assert.True(catalog.TryGet("get_order_details", out var tool));
        Assert.Equal(["order_id"], tool.Parameters.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("Get the status and details of an order", tool.Description);
    }

    [Fact]
    public void Load_MarksTheNamedToolsAsStateChanging()
    {
        var catalog = ToolCatalog.Load(RetailTools, RetailStateChanging);

        Assert.Equal(RetailStateChanging, catalog.Tools.Where(t => t.ChangesState).Select(t => t.Name));
        Assert.Equal(
            Tau.TauDomains.Retail.Tools.Where(t => t.ChangesState).Select(t => t.Name).Order(StringComparer.Ordinal),
            catalog.Tools.Where(t => t.ChangesState).Select(t => t.Name));
    }

    [Fact]
    public void Load_WithoutNamesKnowsNoToolAsStateChanging() =>
        Assert.DoesNotContain(ToolCatalog.Load(RetailTools).Tools, t => t.ChangesState);

    [Fact]
    public void Parse_RejectsAStateChangingNameThatIsNotInTheFile()
    {
        var error = Assert.Throws<TraceFormatException>(() => ToolCatalog.Parse(File.ReadAllText(RetailTools), "tools.json", ["refund_everything"]));

        Assert.Equal("tools.json: $: state-changing tool \"refund_everything\" is not in the file", error.Message);
    }

    [Fact]
    public void Parse_ReadsTheChangesStateFlagInBothShapes()
    {
        var catalog = ToolCatalog.Parse("""
            [
              {"type": "function", "function": {"name": "cancel", "parameters": {"type": "object"}, "x-changes-state": true}},
              {"type": "function", "x-changes-state": true, "function": {"name": "refund"}},
              {"name": "lookup", "description": "reads", "parameters": {"type": "object"}},
              {"name": "delete", "x-changes-state": true}
            ]
            """, "tools.json");

        Assert.Equal(["cancel", "delete", "refund"], catalog.Tools.Where(t => t.ChangesState).Select(t => t.Name));
        Assert.True(catalog.TryGet("lookup", out var lookup));
        Assert.Equal("reads", lookup.Description);
    }

    [Fact]
    public void Parse_GivesAToolWithoutParametersASchemaThatTakesNoArguments()
    {
        var catalog = ToolCatalog.Parse("""[{"name": "list_all_product_types"}]""", "tools.json");

        Assert.Null(catalog.Check(ToolCall.Parse("list_all_product_types", "{}")));
        Assert.Equal(new SchemaViolation("$.kind", "property \"kind\" is not allowed"), catalog.Check(ToolCall.Parse("list_all_product_types", """{"kind": "shoes"}""")));
        Assert.NotNull(catalog.Check(ToolCall.Parse("list_all_product_types", "[]")));
    }

    [Theory]
    [InlineData("{}", "$", "expected an array of tools, got an object")]
    [InlineData("[1]", "$[0]", "expected a tool object, got a number")]
    [InlineData("""[{"function": {"description": "x"}}]""", "$[0].function", "missing required property \"name\"")]
    [InlineData("""[{"name": ""}]""", "$[0].name", "the tool name is empty")]
    [InlineData("""[{"name": 3}]""", "$[0].name", "expected a string, got a number")]
    [InlineData("""[{"name": "a"}, {"name": "a"}]""", "$[1].name", "tool \"a\" is defined twice")]
    [InlineData("""[{"type": "retrieval", "function": {"name": "a"}}]""", "$[0].type", "expected \"function\", got \"retrieval\"")]
    [InlineData("""[{"name": "a", "parameters": "none"}]""", "$[0].parameters", "expected a schema object, got a string")]
    [InlineData("""[{"name": "a\ud800"}]""", "$[0].name", "the text holds an unpaired surrogate escape (such as \\ud800), which is not valid Unicode")]
    [InlineData("""[{"name": "a", "x-changes-state": "yes"}]""", "$[0][\"x-changes-state\"]", "expected a boolean, got a string")]
    public void Parse_RejectsAMalformedFileAtTheJsonPath(string json, string path, string reason)
    {
        var error = Assert.Throws<TraceFormatException>(() => ToolCatalog.Parse(json, "tools.json"));

        Assert.Equal($"tools.json: {path}: {reason}", error.Message);
    }

    [Fact]
    public void Parse_RejectsInvalidJson()
    {
        var error = Assert.Throws<TraceFormatException>(() => ToolCatalog.Parse("[{", "tools.json"));

        Assert.StartsWith("tools.json: $: not valid JSON: ", error.Message);
    }

    [Fact]
    public void Check_AcceptsACallThatFitsItsSchema()
    {
        var catalog = ToolCatalog.Load(RetailTools);

        Assert.Null(catalog.Check(ToolCall.Parse("return_delivered_order_items",
            """{"order_id": "#W2378156", "item_ids": ["4602305039"], "payment_method_id": "credit_card_9513926"}""")));
    }

    [Fact]
    public void Check_RejectsAnUnknownTool()
    {
        var catalog = ToolCatalog.Load(RetailTools);

        Assert.Equal(new SchemaViolation("$", "unknown tool \"refund_order\""), catalog.Check(ToolCall.Parse("refund_order", "{}")));
    }

    [Fact]
    public void Check_RejectsArgumentsThatBreakTheSchemaAtTheirPath()
    {
        var catalog = ToolCatalog.Load(RetailTools);

        var violation = catalog.Check(ToolCall.Parse("return_delivered_order_items",
            """{"order_id": "#W2378156", "item_ids": ["4602305039", 4602305040], "payment_method_id": "credit_card_9513926"}"""));

        Assert.Equal(new SchemaViolation("$.item_ids[1]", "expected a string, got a number"), violation);
    }

    [Fact]
    public void Check_RejectsAnEnumArgumentOutsideItsValues()
    {
        var catalog = ToolCatalog.Load(RetailTools);

        var violation = catalog.Check(ToolCall.Parse("cancel_pending_order", """{"order_id": "#W1", "reason": "bored"}"""));

        Assert.Equal("$.reason", violation?.Path);
    }

    [Fact]
    public void Check_RejectsAMissingRequiredArgument()
    {
        var catalog = ToolCatalog.Load(RetailTools);

        var violation = catalog.Check(ToolCall.Parse("get_order_details", """{"id": "#W1"}"""));

        Assert.Equal(new SchemaViolation("$", "missing required property \"order_id\""), violation);
    }

    [Fact]
    public void Constructor_RejectsATwiceDefinedTool()
    {
        var tool = new ToolDefinition("a", "", JsonSerializer.SerializeToElement(new { type = "object" }), false);

        Assert.Throws<ArgumentException>(() => new ToolCatalog([tool, tool]));
    }
}
