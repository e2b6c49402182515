namespace ProceduralMemory.Tools.Traces;

/// <summary>Where a JSON value breaks a schema and why.</summary>
/// <param name="Path">The JSON path of the offending value, such as <c>$.item_ids[1]</c>.</param>
/// <param name="Reason">What is wrong, such as "expected a string, got a number".</param>
public sealed record SchemaViolation(string Path, string Reason)
{
    /// <summary>The violation as <c>path: reason</c>.</summary>
    public override string ToString() => $"{Path}: {Reason}";
}
