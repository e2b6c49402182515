namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// The words MiniGrid's missions use for colours and object types (<c>red</c>, <c>key</c>), and shared instances
/// of the objects they name.
/// </summary>
public static class ObjectNames
{
    /// <summary>The mission word for <paramref name="color"/>, e.g. <c>purple</c>.</summary>
    public static string Of(ObjectColor color) => color.ToString().ToLowerInvariant();

    /// <summary>The mission word for <paramref name="type"/>, e.g. <c>key</c>.</summary>
    public static string Of(ObjectType type) => type.ToString().ToLowerInvariant();

    /// <summary>A key, a ball or an (empty) box of <paramref name="color"/>: one shared instance each (objects are immutable).</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not key, ball or box.</exception>
    public static WorldObject Movable(ObjectType type, ObjectColor color) => type switch
    {
        ObjectType.Key => Keys[(int)color],
        ObjectType.Ball => Balls[(int)color],
        ObjectType.Box => Boxes[(int)color],
        _ => throw new ArgumentException($"{type} is not a movable object.", nameof(type)),
    };

    /// <summary>The door of <paramref name="color"/> in <paramref name="state"/>: one shared instance each.</summary>
    public static Door DoorOf(ObjectColor color, DoorState state) => Doors[(int)color * 3 + (int)state];

    private static readonly Key[] Keys = [.. Enum.GetValues<ObjectColor>().Select(c => new Key(c))];
    private static readonly Ball[] Balls = [.. Enum.GetValues<ObjectColor>().Select(c => new Ball(c))];
    private static readonly Box[] Boxes = [.. Enum.GetValues<ObjectColor>().Select(c => new Box(c))];
    private static readonly Door[] Doors =
        [.. Enum.GetValues<ObjectColor>().SelectMany(c => Enum.GetValues<DoorState>().Select(state => new Door(c, state)))];
}
