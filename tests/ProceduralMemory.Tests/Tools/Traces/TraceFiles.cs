using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.Tests.Tools.Traces;

/// <summary>The retail tool catalog and a way to read trace lines written to a real file, for the trace reader tests.</summary>
internal static class TraceFiles
{
    private static readonly Lazy<ToolCatalog> RetailCatalog = new(() => ToolCatalog.Load(
        Path.Combine(DataFiles.TauDomain("retail"), "tools.json"),
        ["cancel_pending_order", "exchange_delivered_order_items", "modify_pending_order_address", "modify_pending_order_items",
         "modify_pending_order_payment", "modify_user_address", "return_delivered_order_items"]));

    public static ToolCatalog Retail => RetailCatalog.Value;

    /// <summary>Writes <paramref name="lines"/> to <c>traces.jsonl</c> in a fresh folder and reads it.</summary>
    public static IReadOnlyList<TraceRecord> Read(TraceFormat format, params string[] lines)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("traces.jsonl");
        File.WriteAllText(path, string.Join("\n", lines) + (lines.Length > 0 ? "\n" : ""));
        return TraceReader.Read(path, Retail, format);
    }

    public static IReadOnlyList<TraceRecord> Read(params string[] lines) => Read(TraceFormat.Auto, lines);

    /// <summary>The message of the error reading <paramref name="lines"/> gives.</summary>
    public static string Error(TraceFormat format, params string[] lines) =>
        Assert.Throws<TraceFormatException>(() => Read(format, lines)).Message;

    public static string Error(params string[] lines) => Error(TraceFormat.Auto, lines);
}
