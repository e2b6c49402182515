namespace ProceduralMemory.Postgres;

/// <summary>What the <c>procmem</c> schema of a database is to procmem.</summary>
internal enum PostgresSchemaKind
{
    /// <summary>No such schema, or an empty one without a comment: nothing to lose by making it a library.</summary>
    Blank,

    /// <summary>A procmem library (the schema carries our comment).</summary>
    Library,

    /// <summary>Another application's schema of that name: never written.</summary>
    Foreign,
}
