namespace ProceduralMemory.Memory.Store.Sql;

/// <summary>What a write did, as a backend's log of finished writes records it: its change number, skill ids, and for a commit whether each was created.</summary>
public readonly record struct SqlWriteOutcome(long Change, int[] Ids, bool[]? Created);
