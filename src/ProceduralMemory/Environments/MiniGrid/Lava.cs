namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>Lava: the agent may walk onto it, and doing so ends the episode with no reward. Always red, as in MiniGrid.</summary>
public sealed record Lava() : WorldObject(ObjectType.Lava, ObjectColor.Red)
{
    /// <summary>The one lava value.</summary>
    public static Lava Instance { get; } = new();

    /// <inheritdoc />
    public override bool CanOverlap => true;
}
