using ProceduralMemory.Environments.MiniGrid.Rooms;

namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// A room-grid task won by picking up the object its mission names, <c>pick up the {colour} {kind}</c>
/// (UnlockPickup, BlockedUnlockPickup, KeyCorridor, ObstructedMaze): the pickup that leaves the agent carrying it
/// ends the episode with the success reward; picking up anything else changes nothing.
/// </summary>
/// <remarks>
/// MiniGrid compares the carried object with its target by identity; in these tasks no other object shares the
/// target's kind and colour, so matching kind and colour is the same rule, and it can be read from the mission
/// when an episode starts from a recorded layout.
/// </remarks>
public abstract class PickUpTargetEnvironment : RoomGridEnvironment
{
    private const string Prefix = "pick up the ";

    /// <inheritdoc />
    protected PickUpTargetEnvironment(string name, int roomSize, int rows, int columns, int maxSteps)
        : base(name, roomSize, rows, columns, maxSteps)
    {
    }

    /// <summary>The kind of the object to pick up this episode.</summary>
    public ObjectType TargetType { get; private set; }

    /// <summary>The colour of the object to pick up this episode.</summary>
    public ObjectColor TargetColor { get; private set; }

    /// <summary>The mission that names <paramref name="target"/>, as MiniGrid words it.</summary>
    public static string MissionFor(WorldObject target) => $"{Prefix}{target.Color.ToString().ToLowerInvariant()} {target.TypeName}";

    /// <inheritdoc />
    /// <remarks>Reads the target from the mission and checks that the grid holds it (on the floor or in a box).</remarks>
    protected override void BeginTask(string mission)
    {
        string[] words = mission.StartsWith(Prefix, StringComparison.Ordinal) ? mission[Prefix.Length..].Split(' ') : [];
        // Names only: Enum.TryParse would also take a number.
        if (words.Length != 2 || !words.All(word => word.Length > 0 && word.All(char.IsAsciiLetterLower))
            || !Enum.TryParse(words[0], ignoreCase: true, out ObjectColor color) || !Enum.IsDefined(color)
            || !Enum.TryParse(words[1], ignoreCase: true, out ObjectType type) || !RoomGrid.ObjectKinds.Contains(type))
            throw new ArgumentException($"'{mission}' is not a mission of the form 'pick up the <colour> <key|ball|box>'.", nameof(mission));
        (TargetType, TargetColor) = (type, color);
        if (!HoldsTarget())
            throw new ArgumentException($"The layout holds no {words[0]} {words[1]} to pick up.", nameof(mission));
    }

    /// <inheritdoc />
    protected override void AfterStep(int action, ref double reward, ref bool terminated)
    {
        if (action == PickUp && Carrying is { } carried && IsTarget(carried))
        {
            reward = SuccessReward;
            terminated = true;
        }
    }

    private bool IsTarget(WorldObject obj) => obj.Type == TargetType && obj.Color == TargetColor;

    private bool HoldsTarget()
    {
        for (int x = 0; x < Width; x++)
            for (int y = 0; y < Height; y++)
                if (CellAt(x, y) is var cell && (IsTarget(cell) || cell is Box { Contains: { } inside } && IsTarget(inside)))
                    return true;
        return false;
    }
}
