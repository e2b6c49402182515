namespace ProceduralMemory.Memory.Store.Sql;

/// <summary>A library's counters, from its meta row: the manifest's text, the next skill id, the episode count and the change number.</summary>
public readonly record struct SqlMeta(string? ManifestText, long NextSkillId, long Episodes, long Change);
