namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// The object a mission names, read from its words: the first "<c>{colour} {type}</c>" (e.g. <c>pick up the red
/// ball</c>, <c>open the blue door</c>) or "<c>a {type}</c>" (<c>go fetch a key</c>, any colour). Missions that name
/// objects without a colour or article (DoorKey's "use the key to open the door ...") name no target: the mission
/// facts then stay false.
/// </summary>
/// <param name="Type">The named object's type, or <see cref="ObjectType.Unseen"/> when the mission names none.</param>
/// <param name="Color">The named colour, or null for any colour.</param>
public readonly record struct MissionTarget(ObjectType Type, ObjectColor? Color)
{
    /// <summary>No target.</summary>
    public static MissionTarget None => new(ObjectType.Unseen, null);

    /// <summary>Whether the mission names an object.</summary>
    public bool Exists => Type != ObjectType.Unseen;

    /// <summary>Whether a cell of <paramref name="type"/> and <paramref name="color"/> is the target.</summary>
    public bool Matches(ObjectType type, ObjectColor color) => Exists && type == Type && (Color is null || Color == color);

    /// <summary>The target <paramref name="mission"/> names, or <see cref="None"/>.</summary>
    public static MissionTarget Of(string mission)
    {
        string[] words = mission.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 1; i < words.Length; i++)
        {
            if (TypeNamed(words[i]) is not { } type)
                continue;
            if (ColorNamed(words[i - 1]) is { } color)
                return new MissionTarget(type, color);
            if (words[i - 1] == "a")
                return new MissionTarget(type, null);
        }
        return None;
    }

    private static ObjectType? TypeNamed(string word) => word switch
    {
        "key" => ObjectType.Key,
        "ball" => ObjectType.Ball,
        "box" => ObjectType.Box,
        "door" => ObjectType.Door,
        "goal" => ObjectType.Goal,
        _ => null,
    };

    private static ObjectColor? ColorNamed(string word) =>
        Enum.TryParse(word, ignoreCase: true, out ObjectColor color) && char.IsLower(word[0]) && !char.IsDigit(word[0]) ? color : null;
}
