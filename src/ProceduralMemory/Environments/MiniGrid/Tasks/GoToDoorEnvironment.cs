namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// MiniGrid's GoToDoor task (<c>MiniGrid-GoToDoor-{size}x{size}-v0</c>): a room with four closed doors of four
/// colours, one in each wall; the mission names one, and the agent must stand next to it and say <c>done</c>.
/// </summary>
/// <remarks>
/// Generation follows MiniGrid's <c>GoToDoorEnv._gen_grid</c> rule for rule, drawing from our <see cref="Rng"/>:
/// the room's width and height drawn in [5, size] (walled from the top-left corner; the rest of the grid stays
/// empty and out of reach); one door on each wall, at least two cells from the corners along it (top, bottom,
/// left, right); four distinct colours drawn by rejection; the agent on an empty cell of the room with a
/// uniform direction; the target door drawn uniformly. Rules: <see cref="GoToTargetEnvironment"/>.
/// </remarks>
public sealed class GoToDoorEnvironment : GoToTargetEnvironment
{
    /// <summary>The grid sizes registered as <c>gotodoor-{size}x{size}</c>.</summary>
    public static IReadOnlyList<int> RegisteredSizes { get; } = [5, 8];

    private const int MinSize = 5;

    private static readonly MissionTable<ObjectColor> Missions =
        new("GoToDoor", GridPlacement.ColorNames, color => $"go to the {ObjectNames.Of(color)} door");

    /// <summary>Creates a <paramref name="size"/> x <paramref name="size"/> GoToDoor with MiniGrid's step limit, 4 * size^2.</summary>
    public GoToDoorEnvironment(int size)
        : base(NameOf(size), ValidSize(size), 4 * size * size)
    {
    }

    /// <summary>The registered name of the <paramref name="size"/> x <paramref name="size"/> GoToDoor.</summary>
    public static string NameOf(int size) => $"gotodoor-{size}x{size}";

    /// <summary>MiniGrid's mission for the door of <paramref name="color"/>.</summary>
    public static string MissionFor(ObjectColor color) => Missions.TextOf(color);

    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        int width = rng.NextInt(MinSize, grid.Width + 1);
        int height = rng.NextInt(MinSize, grid.Height + 1);
        grid.WallRectangle(0, 0, width, height);
        Span<CellPosition> doors =
        [
            new(rng.NextInt(2, width - 2), 0),
            new(rng.NextInt(2, width - 2), height - 1),
            new(0, rng.NextInt(2, height - 2)),
            new(width - 1, rng.NextInt(2, height - 2)),
        ];
        Span<ObjectColor> colors = stackalloc ObjectColor[doors.Length];
        int drawn = 0, used = 0;
        while (drawn < doors.Length)
        {
            ObjectColor color = GridPlacement.RandomColor(rng);
            if ((used & 1 << (int)color) != 0)
                continue;
            used |= 1 << (int)color;
            colors[drawn++] = color;
        }
        for (int i = 0; i < doors.Length; i++)
            grid.Set(doors[i].X, doors[i].Y, ObjectNames.DoorOf(colors[i], DoorState.Closed));

        var (agent, direction) = GridPlacement.PlaceAgent(grid, rng, new CellPosition(0, 0), width, height);
        ObjectColor target = colors[rng.NextInt(doors.Length)];
        return new EpisodeStart(agent, direction, MissionFor(target));
    }

    /// <inheritdoc />
    protected override CellPosition FindTarget(string mission) =>
        TaskTargets.FindUnique(this, ObjectType.Door, Missions.TargetOf(mission));

    private static int ValidSize(int size) =>
        size >= MinSize ? size : throw new ArgumentOutOfRangeException(nameof(size), size, "GoToDoor needs a grid of at least 5x5.");
}
