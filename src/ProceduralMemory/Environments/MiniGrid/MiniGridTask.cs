namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>One registered MiniGrid environment: its reference id, its procmem name, and how to make one.</summary>
/// <param name="MiniGridId">The reference's registered id, e.g. <c>MiniGrid-KeyCorridorS3R3-v0</c>.</param>
/// <param name="Name">procmem's name, e.g. <c>keycorridor-s3r3</c>.</param>
/// <param name="Create">Makes a new environment whose <see cref="IEnvironment.Name"/> is <paramref name="Name"/>.</param>
public sealed record MiniGridTask(string MiniGridId, string Name, Func<MiniGridEnvironment> Create);
