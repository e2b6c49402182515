namespace ProceduralMemory.Environments;

/// <summary>
/// An environment that can say which layout a seed generates, by content, so that "held out" can mean a layout
/// never trained on rather than a seed never trained on (two seeds may generate the same layout).
/// </summary>
public interface ILayoutFingerprint
{
    /// <summary>
    /// A 64-bit content hash of the layout <c>Reset(seed)</c> starts from (every cell, every object, the agent's start
    /// cell and direction): two seeds get the same fingerprint exactly when they generate the same layout. Leaves the
    /// current episode alone.
    /// </summary>
    ulong LayoutFingerprint(int seed);
}
