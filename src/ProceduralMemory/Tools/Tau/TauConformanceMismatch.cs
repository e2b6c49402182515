namespace ProceduralMemory.Tools.Tau;

/// <summary>One difference between a replay and the reference's recording.</summary>
/// <param name="Task">The task's label (<c>split/index</c>).</param>
/// <param name="What">What differed: <c>call 3 (get_order_details)</c>, <c>record orders/#W1</c>, <c>digest</c>.</param>
/// <param name="Expected">What the reference recorded.</param>
/// <param name="Actual">What the replay gave.</param>
public sealed record TauConformanceMismatch(string Task, string What, string Expected, string Actual)
{
    /// <inheritdoc />
    public override string ToString() => $"{Task} {What}: expected {Shorten(Expected)}, got {Shorten(Actual)}";

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
