namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// MiniGrid's GoToObject task (<c>MiniGrid-GoToObject-{size}x{size}-N{count}-v0</c>): a room with a few keys,
/// balls and boxes, no two alike; the mission names one, and the agent must stand next to it and say
/// <c>done</c>.
/// </summary>
/// <remarks>
/// Generation follows MiniGrid's <c>GoToObjectEnv._gen_grid</c> rule for rule, drawing from our
/// <see cref="Rng"/>: outer walls; objects of a uniform type (key, ball, box) and colour, redrawn when that
/// pair is already placed, each on a uniformly drawn empty cell; the agent on an empty cell with a uniform
/// direction; the target drawn uniformly from the objects. Rules: <see cref="GoToTargetEnvironment"/>.
/// </remarks>
public sealed class GoToObjectEnvironment : GoToTargetEnvironment
{
    /// <summary>The object types GoToObject places, in MiniGrid's order.</summary>
    internal static readonly ObjectType[] ObjectTypes = [ObjectType.Key, ObjectType.Ball, ObjectType.Box];

    private static readonly MissionTable<(ObjectType Type, ObjectColor Color)> Missions = new("GoToObject",
        from type in ObjectTypes from color in GridPlacement.ColorNames select (type, color),
        target => $"go to the {ObjectNames.Of(target.Color)} {ObjectNames.Of(target.Type)}");

    private readonly DistinctObjects _objects = new();

    /// <summary>
    /// Creates a <paramref name="size"/> x <paramref name="size"/> GoToObject with <paramref name="objectCount"/>
    /// objects and MiniGrid's step limit, 5 * size^2.
    /// </summary>
    public GoToObjectEnvironment(int size, int objectCount)
        : base($"gotoobject-{size}x{size}-n{objectCount}", size, 5 * size * size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(objectCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(objectCount, Math.Min(ObjectTypes.Length * GridPlacement.ColorNames.Count, (size - 2) * (size - 2) - 1));
        ObjectCount = objectCount;
    }

    /// <summary>How many objects a layout has.</summary>
    public int ObjectCount { get; }

    /// <summary>MiniGrid's mission for the object of <paramref name="type"/> and <paramref name="color"/>.</summary>
    public static string MissionFor(ObjectType type, ObjectColor color) => Missions.TextOf((type, color));

    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        grid.WallRectangle(0, 0, grid.Width, grid.Height);
        var objects = _objects.Place(grid, rng, ObjectTypes, ObjectCount, keepApart: false);
        var (agent, direction) = GridPlacement.PlaceAgent(grid, rng);
        var (type, color, _) = objects[rng.NextInt(objects.Count)];
        return new EpisodeStart(agent, direction, MissionFor(type, color));
    }

    /// <inheritdoc />
    protected override CellPosition FindTarget(string mission)
    {
        var (type, color) = Missions.TargetOf(mission);
        return TaskTargets.FindUnique(this, type, color);
    }
}
