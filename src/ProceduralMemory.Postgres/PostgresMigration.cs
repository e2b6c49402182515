namespace ProceduralMemory.Postgres;

/// <summary>One forward step of the schema: the SQL that takes a library from <c>Version - 1</c> to <paramref name="Version"/>.</summary>
/// <param name="Version">The schema version the step produces.</param>
/// <param name="Description">What the step does, recorded in <c>schema_version</c>.</param>
/// <param name="Sql">The statements, run inside the upgrade transaction.</param>
internal sealed record PostgresMigration(int Version, string Description, string Sql);
