namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// MiniGrid's Fetch task (<c>MiniGrid-Fetch-{size}x{size}-N{count}-v0</c>): a room with a few keys and balls;
/// the mission names a colour and type, and picking up an object ends the episode, rewarded only when the object
/// is of that colour and type.
/// </summary>
/// <remarks>
/// Generation follows MiniGrid's <c>FetchEnv._gen_grid</c> rule for rule, drawing from our <see cref="Rng"/>:
/// outer walls; objects of a uniform type (key or ball) and colour (repeats allowed), each on a uniformly drawn
/// empty cell; the agent on an empty cell with a uniform direction; the target's colour and type from an object
/// drawn uniformly; the mission's phrasing drawn uniformly from MiniGrid's five (<see cref="Phrasings"/>).
/// </remarks>
public sealed class FetchEnvironment : MiniGridEnvironment
{
    /// <summary>MiniGrid's five ways of opening a Fetch mission, in its order.</summary>
    public static IReadOnlyList<string> Phrasings { get; } = ["get a", "go get a", "fetch a", "go fetch a", "you must fetch a"];

    private static readonly ObjectType[] ObjectTypes = [ObjectType.Key, ObjectType.Ball];

    private static readonly MissionTable<(int Phrasing, ObjectType Type, ObjectColor Color)> Missions = new("Fetch",
        from phrasing in Enumerable.Range(0, Phrasings.Count) from type in ObjectTypes from color in GridPlacement.ColorNames
        select (phrasing, type, color),
        target => $"{Phrasings[target.Phrasing]} {ObjectNames.Of(target.Color)} {ObjectNames.Of(target.Type)}");

    private readonly List<WorldObject> _objects = [];

    private ObjectType _targetType;
    private ObjectColor _targetColor;

    /// <summary>
    /// Creates a <paramref name="size"/> x <paramref name="size"/> Fetch with <paramref name="objectCount"/>
    /// objects and MiniGrid's step limit, 5 * size^2.
    /// </summary>
    public FetchEnvironment(int size, int objectCount)
        : base($"fetch-{size}x{size}-n{objectCount}", size, size, 5 * size * size, seeThroughWalls: true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(objectCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(objectCount, (size - 2) * (size - 2) - 1);
        ObjectCount = objectCount;
    }

    /// <summary>How many objects a layout has.</summary>
    public int ObjectCount { get; }

    /// <summary>MiniGrid's mission in phrasing <paramref name="phrasing"/> (an index of <see cref="Phrasings"/>) for an object of <paramref name="type"/> and <paramref name="color"/>.</summary>
    public static string MissionFor(int phrasing, ObjectType type, ObjectColor color) => Missions.TextOf((phrasing, type, color));

    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        grid.WallRectangle(0, 0, grid.Width, grid.Height);
        List<WorldObject> objects = _objects;
        objects.Clear();
        while (objects.Count < ObjectCount)
        {
            ObjectType type = GridPlacement.RandomElement(rng, ObjectTypes);
            ObjectColor color = GridPlacement.RandomColor(rng);
            WorldObject item = ObjectNames.Movable(type, color);
            GridPlacement.PlaceObject(grid, rng, item, agent: null);
            objects.Add(item);
        }
        var (agent, direction) = GridPlacement.PlaceAgent(grid, rng);
        WorldObject target = GridPlacement.RandomElement(rng, objects);
        int phrasing = rng.NextInt(Phrasings.Count);
        return new EpisodeStart(agent, direction, MissionFor(phrasing, target.Type, target.Color));
    }

    /// <inheritdoc />
    /// <remarks>The target is a colour and a type, not a cell: any object like it will do.</remarks>
    protected override void BeginTask(string mission) => (_, _targetType, _targetColor) = Missions.TargetOf(mission);

    /// <inheritdoc />
    /// <remarks>Whenever the agent carries something after a step, the episode ends, rewarded if it is the target.</remarks>
    protected override void AfterStep(int action, ref double reward, ref bool terminated)
    {
        if (Carrying is not { } carried)
            return;
        reward = carried.Type == _targetType && carried.Color == _targetColor ? SuccessReward : 0;
        terminated = true;
    }
}
