using Microsoft.AspNetCore.Builder;
using ProceduralMemory.AI.Http;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Sqlite;

namespace ProceduralMemory.AI.Tests.Http;

/// <summary>
/// The HTTP API as <c>procmem serve</c> runs it (<see cref="ProceduralMemoryApiHost"/>): Kestrel on 127.0.0.1, a free
/// port, over a copy of the retail library, with an <see cref="HttpClient"/> pointed at it.
/// </summary>
internal sealed class RunningApi : IAsyncDisposable
{
    private readonly TemporaryDirectory folder = new();
    private readonly SqliteSkillStore store;
    private readonly WebApplication app;

    private RunningApi(RetailLibrary library, string? apiKey)
    {
        LibraryPath = library.CopyTo(folder.Path);
        store = SqliteSkillStore.Open(LibraryPath);
        Memory = new ProcedureMemory(store, library.Tools);
        app = ProceduralMemoryApiHost.Create(Memory, "http://127.0.0.1:0", apiKey);
    }

    public ProcedureMemory Memory { get; }

    public string LibraryPath { get; }

    public Uri Address { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public static async Task<RunningApi> StartAsync(RetailLibrary library, string? apiKey = null)
    {
        var api = new RunningApi(library, apiKey);
        await api.app.StartAsync();
        api.Address = new Uri(api.app.Urls.Single());
        api.Client = new HttpClient { BaseAddress = api.Address };
        return api;
    }

    /// <summary>Every procedure's (id, uses, successes), read from the library file by a store of its own.</summary>
    public IReadOnlyList<(int Id, int Uses, int Successes)> CountsOnDisk()
    {
        using var other = SqliteSkillStore.Open(LibraryPath, readOnly: true);
        return [.. new ProcedureMemory(other).List().Select(p => (p.Id, p.Uses, p.Successes))];
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        store.Dispose();
        folder.Dispose();
    }
}
