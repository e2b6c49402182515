namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// The words MiniGrid's missions use for colours and object types (<c>red</c>, <c>key</c>), both ways, and the
/// objects they name.
/// </summary>
public static class ObjectNames
{
    /// <summary>The mission word for <paramref name="color"/>, e.g. <c>purple</c>.</summary>
    public static string Of(ObjectColor color) => color.ToString().ToLowerInvariant();

    /// <summary>The mission word for <paramref name="type"/>, e.g. <c>key</c>.</summary>
    public static string Of(ObjectType type) => type.ToString().ToLowerInvariant();

    /// <summary>The colour named <paramref name="word"/>.</summary>
    /// <exception cref="ArgumentException">No colour has that name.</exception>
    public static ObjectColor ParseColor(string word)
    {
        foreach (ObjectColor color in GridPlacement.ColorNames)
            if (Of(color) == word)
                return color;
        throw new ArgumentException($"'{word}' is not a MiniGrid colour.", nameof(word));
    }

    /// <summary>The object type named <paramref name="word"/>: one of those MiniGrid's missions name.</summary>
    /// <exception cref="ArgumentException">No such type.</exception>
    public static ObjectType ParseType(string word) => word switch
    {
        "key" => ObjectType.Key,
        "ball" => ObjectType.Ball,
        "box" => ObjectType.Box,
        "door" => ObjectType.Door,
        _ => throw new ArgumentException($"'{word}' is not a MiniGrid object a mission names.", nameof(word)),
    };

    /// <summary>A new movable object: a key, a ball or an (empty) box of <paramref name="color"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not key, ball or box.</exception>
    public static WorldObject Create(ObjectType type, ObjectColor color) => type switch
    {
        ObjectType.Key => new Key(color),
        ObjectType.Ball => new Ball(color),
        ObjectType.Box => new Box(color),
        _ => throw new ArgumentException($"{type} is not a movable object.", nameof(type)),
    };
}
