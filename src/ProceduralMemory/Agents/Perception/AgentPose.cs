namespace ProceduralMemory.Agents.Perception;

/// <summary>
/// Where the agent believes it is, relative to where the episode started, and which way it faces
/// (0 = +x, 1 = +y, 2 = -x, 3 = -y, as MiniGrid numbers directions). Worked out from the agent's own
/// actions and observations, never read from the simulator.
/// </summary>
public readonly record struct AgentPose(int X, int Y, int Direction)
{
    private static ReadOnlySpan<int> Dx => [1, 0, -1, 0];
    private static ReadOnlySpan<int> Dy => [0, 1, 0, -1];

    /// <summary>The pose after moving <paramref name="forward"/> cells ahead, <paramref name="right"/> cells to the right, and turning <paramref name="turns"/> quarter turns clockwise.</summary>
    public AgentPose Moved(int forward, int right, int turns)
    {
        int r = (Direction + 1) & 3;
        return new AgentPose(
            X + Dx[Direction] * forward + Dx[r] * right,
            Y + Dy[Direction] * forward + Dy[r] * right,
            (Direction + turns) & 3);
    }

    /// <summary>How to get from this pose to <paramref name="next"/>, in this pose's own frame (forward, right, quarter turns).</summary>
    public (int Forward, int Right, int Turns) DeltaTo(AgentPose next)
    {
        int dx = next.X - X, dy = next.Y - Y;
        int r = (Direction + 1) & 3;
        return (dx * Dx[Direction] + dy * Dy[Direction], dx * Dx[r] + dy * Dy[r], (next.Direction - Direction) & 3);
    }

    /// <summary>The offset of cell (<paramref name="x"/>, <paramref name="y"/>) in the agent's own frame: cells ahead and cells to the right.</summary>
    public (int Forward, int Right) Egocentric(int x, int y)
    {
        var (forward, right, _) = DeltaTo(new AgentPose(x, y, Direction));
        return (forward, right);
    }

    /// <summary>The most fact bits a <see cref="Key"/> holds beside the pose.</summary>
    public const int KeyFactBits = 28;

    /// <summary>A compact key for counting visits, together with the facts that hold there.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A fact beyond the first <see cref="KeyFactBits"/> holds: the key has no room for it, and dropping it would merge different states silently.</exception>
    public long Key(ulong facts) => facts >> KeyFactBits == 0
        ? ((long)(X + 4096) << 44) | ((long)(Y + 4096) << 30) | ((long)Direction << 28) | (long)facts
        : throw new ArgumentOutOfRangeException(nameof(facts), $"A pose key holds the first {KeyFactBits} facts; fact {63 - System.Numerics.BitOperations.LeadingZeroCount(facts)} holds, and dropping it would merge different states.");
}
