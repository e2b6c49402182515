using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using ProceduralMemory.AI.Http;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Tests.Shared.Procedures;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>The HTTP API over a PostgreSQL library, through <see cref="HttpClient"/> against running Kestrel servers.</summary>
public sealed class PostgresHttpApiTests : DatabaseTest
{
    [PostgresFact]
    public async Task ConcurrentClients_OnTwoServersSharingALibrary_LoseNoUpdate()
    {
        const int clients = 16;
        const int posts = 25;
        var keys = ProcedureLibrary.DefaultKeys();
        int[] ids;
        using (PostgresSkillStore store = PostgresSkillStore.Open(Location))
        {
            ProcedureLibrary.Open(store, SampleProcedures.Tools, keys);
            ids = [.. ProcedureLibrary.Add(store, keys, [SampleProcedures.Return(), SampleProcedures.Cancel()]).Select(a => a.Id)];
        }

        // Two servers, each with its own store, as two processes serving one library would be.
        using PostgresSkillStore first = PostgresSkillStore.Open(Location), second = PostgresSkillStore.Open(Location);
        await using WebApplication one = ProceduralMemoryApiHost.Create(new ProcedureMemory(first), "http://127.0.0.1:0");
        await using WebApplication two = ProceduralMemoryApiHost.Create(new ProcedureMemory(second), "http://127.0.0.1:0");
        await one.StartAsync();
        await two.StartAsync();
        Uri[] servers = [new(one.Urls.Single()), new(two.Urls.Single())];

        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = servers[c % 2] };
            for (int i = 0; i < posts; i++)
            {
                using var response = await client.PostAsJsonAsync($"/procedures/{ids[(c + i) % ids.Length]}/outcome", new { success = i % 2 == 0 });
                response.EnsureSuccessStatusCode();
            }
        })));
        await one.StopAsync();
        await two.StopAsync();

        using PostgresSkillStore reopened = PostgresSkillStore.Open(Location, readOnly: true);
        var counted = new ProcedureMemory(reopened).List().ToDictionary(p => p.Id);
        foreach (int id in ids)
        {
            var sent = Enumerable.Range(0, clients).SelectMany(c => Enumerable.Range(0, posts).Where(i => ids[(c + i) % ids.Length] == id)).ToList();
            Assert.Equal(sent.Count, counted[id].Uses);
            Assert.Equal(sent.Count(i => i % 2 == 0), counted[id].Successes);
        }
        Assert.Equal(clients * posts, counted.Values.Sum(p => p.Uses));
    }
}
