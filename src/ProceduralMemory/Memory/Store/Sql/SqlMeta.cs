namespace ProceduralMemory.Memory.Store.Sql;

/// <summary>A library's counters, from its meta row: the manifest's text, the next skill id, the episode count and the change number.</summary>
public readonly record struct SqlMeta(string? ManifestText, long NextSkillId, long Episodes, long Change);

/// <summary>What a write did, as a backend's log of finished writes records it: its change number, skill ids, and for a commit whether each was created.</summary>
public readonly record struct SqlWriteOutcome(long Change, int[] Ids, bool[]? Created);
