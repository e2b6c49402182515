using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using ProceduralMemory.AI.Chat;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.AI.Tests.Http;
using ProceduralMemory.Sqlite;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Agents;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.AI.Tests.Chat;

/// <summary><see cref="ChatToolAgent"/> with scripted models, in process: what it records, reports and tolerates.</summary>
public sealed class ChatToolAgentTests(RetailLibrary library) : IClassFixture<RetailLibrary>, IDisposable
{
    private readonly TemporaryDirectory folder = new();

    [Fact]
    public async Task WithMemory_EachOutcomeIsReported_AndTheEpisodeHoldsTheCallsTheModelMade()
    {
        using var store = SqliteSkillStore.Open(library.CopyTo(folder.Path));
        var memory = new ProcedureMemory(store, library.Tools);
        int usesBefore = memory.List().Sum(p => p.Uses);
        var model = new ProcedureFollowingChatClient(library.Tools);
        var agent = new ChatToolAgent(model, memory, new ChatToolAgentOptions { MaxIterations = 200, MaxConsecutiveErrors = 60 });
        TauEnvironment environment = library.Domain.CreateEnvironment();
        List<ToolEpisode> episodes = [];

        foreach (ToolTask task in library.Domain.Tasks("train").Skip(400).Take(10))
            episodes.Add(await agent.SolveAsync(environment, task));

        Assert.Contains(episodes, e => e.Evaluation.StateMatches && e.Calls.Count > 0);
        // Each conversation asked for its calls one request at a time, and ended with one that asked for none.
        Assert.Equal(model.Requests, agent.Requests);
        Assert.Equal(episodes.Sum(e => e.Calls.Count) + episodes.Count, agent.Requests);
        // Every followed procedure counted a use when its conversation was reported.
        Assert.True(memory.List().Sum(p => p.Uses) > usesBefore);
    }

    [Fact]
    public async Task WithoutMemory_TheModelSeesNoGuidance_AndNothingIsReported()
    {
        var model = new ProcedureFollowingChatClient(library.Tools);
        var agent = new ChatToolAgent(model);
        TauEnvironment environment = library.Domain.CreateEnvironment();

        ToolEpisode episode = await agent.SolveAsync(environment, library.Domain.Tasks("train")[400]);

        Assert.False(agent.HasMemory);
        Assert.Equal(0, model.GuidedRequests);
        Assert.Empty(episode.Calls);
        Assert.Equal(0, agent.Learned);
    }

    [Fact]
    public async Task TooManyFailedCallsInARow_EndTheConversation_AsAFailure_NotAnException()
    {
        using var store = SqliteSkillStore.Open(folder.Combine("empty.db"));
        var agent = new ChatToolAgent(new AlwaysFailingChatClient(), new ProcedureMemory(store, library.Tools),
            new ChatToolAgentOptions { MaxConsecutiveErrors = 3 });
        TauEnvironment environment = library.Domain.CreateEnvironment();

        ToolEpisode episode = await agent.SolveAsync(environment, library.Domain.Tasks("train")[0]);

        Assert.False(episode.Evaluation.Success);
        Assert.InRange(episode.Calls.Count, 3, 4);
        Assert.All(episode.Calls, c => Assert.True(c.Result.IsError));
        Assert.Equal(0, agent.Learned);
    }

    public void Dispose() => folder.Dispose();

    /// <summary>A model that asks for an order that does not exist, every time.</summary>
    private sealed class AlwaysFailingChatClient : IChatClient
    {
        private int calls;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant,
                [new FunctionCallContent($"call_{++calls}", "get_order_details", new Dictionary<string, object?> { ["order_id"] = "#W0000000" })])));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (ChatResponseUpdate update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
                yield return update;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
