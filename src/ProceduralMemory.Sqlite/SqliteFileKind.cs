namespace ProceduralMemory.Sqlite;

/// <summary>What an SQLite database file is to procmem.</summary>
internal enum SqliteFileKind
{
    /// <summary>An SQLite database with no tables and no application id: nothing to lose by making it a library.</summary>
    Blank,

    /// <summary>A procmem library (its application id is ours).</summary>
    Library,

    /// <summary>Another application's database: never written.</summary>
    Foreign,
}
