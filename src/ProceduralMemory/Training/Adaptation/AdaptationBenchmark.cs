using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Neural;
using ProceduralMemory.Training.SkillRetrieval;

namespace ProceduralMemory.Training.Adaptation;

/// <summary>
/// Measurement (c) of issue 18: steps of new experience needed to recover a skill's original return on a changed
/// task, adapting a copy of the learned module against learning it from scratch. A skill's network is cloned from
/// a teacher's demonstrations on task A, and its return there on held-out layouts is the original return. On task
/// B the same experience (the teacher's demonstrations of the skill on B, in increments) is given to both arms: a
/// copy of the original fine-tuned by <see cref="SkillAdaptation"/> (kept only if it beats the original on held-out
/// steps of that experience), and a fresh network cloned from it. Both act alone (<see cref="SkillRollout"/>) on
/// held-out task B layouts.
/// </summary>
public static class AdaptationBenchmark
{
    /// <summary>Runs every seed; <paramref name="progress"/> hears one line per increment.</summary>
    /// <exception cref="ArgumentException">A task is not MiniGrid, the tasks' perceptions differ, or no demonstration of the skill exists.</exception>
    public static IReadOnlyList<AdaptationRun> Run(AdaptationBenchmarkSettings settings, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        IEnvironment taskA = EnvironmentRegistry.Create(settings.TaskA), taskB = EnvironmentRegistry.Create(settings.TaskB);
        int features = Perceptions.For(taskA).FeatureCount, actions = taskA.Actions.Count;
        if (Perceptions.For(taskB).FeatureCount != features || taskB.Actions.Count != actions)
            throw new ArgumentException($"{settings.TaskA} and {settings.TaskB} are perceived differently; one network cannot act in both.");

        List<IReadOnlyList<AgentStep>> training = PiecesOf(ExpertDemonstrations.Episodes(settings.TaskA, settings.TrainSeedsA), settings.Skill, settings.TaskA);
        List<IReadOnlyList<AgentStep>> experience = PiecesOf(ExpertDemonstrations.Episodes(settings.TaskB, settings.ExperienceSeedsB), settings.Skill, settings.TaskB);
        List<ExpertEpisode> testA = ExpertDemonstrations.Episodes(settings.TaskA, settings.TestSeedsA);
        List<ExpertEpisode> testB = ExpertDemonstrations.Episodes(settings.TaskB, settings.TestSeedsB);

        var runs = new List<AdaptationRun>();
        foreach (ulong seed in settings.Seeds)
        {
            var original = new Mlp(features, settings.HiddenSizes.ToArray(), actions, seed);
            BehaviourCloning.Train(original, DataOf(training, features), settings.Cloning with { Seed = seed });
            double originalReturn = SkillRollout.MeanNormalisedReturn(original, taskA, testA, settings.Skill);
            double zeroShot = SkillRollout.MeanNormalisedReturn(original, taskB, testB, settings.Skill);
            progress?.Invoke($"seed {seed}: original return {originalReturn:0.000} on {settings.TaskA}, {zeroShot:0.000} on {settings.TaskB} before adapting");

            int[] shuffled = [.. Enumerable.Range(0, experience.Count)];
            BehaviourCloning.Shuffle(shuffled, new Rng(seed ^ 0xADA9_7000u));
            IReadOnlyList<AgentStep>[] order = [.. shuffled.Select(i => experience[i])];
            var curve = new List<AdaptationCurvePoint>();
            foreach (int n in settings.Increments.Where(n => n <= order.Length))
            {
                IReadOnlyList<AgentStep>[] given = order[..n];
                int steps = given.Sum(d => d.Count);
                SkillAdaptationResult adapted = SkillAdaptation.Adapt(original, given, settings.Adaptation with { Seed = seed + (ulong)n });
                double adaptedReturn = SkillRollout.MeanNormalisedReturn(adapted.Accepted ? adapted.Copy : original, taskB, testB, settings.Skill);

                var scratch = new Mlp(features, settings.HiddenSizes.ToArray(), actions, seed + 0x5C4A_7C00u);
                Demonstrations data = DataOf(given, features);
                BehaviourCloningResult fit = BehaviourCloning.Train(scratch, data, settings.Cloning with { Seed = seed + (ulong)n });
                double scratchReturn = SkillRollout.MeanNormalisedReturn(scratch, taskB, testB, settings.Skill);
                int batches = (data.Count + settings.Cloning.BatchSize - 1) / settings.Cloning.BatchSize;
                curve.Add(new AdaptationCurvePoint(n, steps, adaptedReturn, adapted.GradientSteps, adapted.Accepted, scratchReturn, fit.EpochsRun * batches));
                progress?.Invoke($"seed {seed}: {n} demonstrations ({steps} steps): adapted {adaptedReturn:0.000}{(adapted.Accepted ? "" : " (copy not kept)")}, scratch {scratchReturn:0.000}");
            }
            double wanted = settings.Target * originalReturn;
            runs.Add(new AdaptationRun(seed, originalReturn, zeroShot, curve,
                curve.FirstOrDefault(p => p.AdaptedReturn >= wanted), curve.FirstOrDefault(p => p.ScratchReturn >= wanted)));
        }
        return runs;
    }

    private static List<IReadOnlyList<AgentStep>> PiecesOf(List<ExpertEpisode> episodes, string skill, string task)
    {
        List<IReadOnlyList<AgentStep>> pieces = [.. episodes.SelectMany(e => e.Demonstrations).Where(d => d.Skill == skill).Select(d => d.Steps)];
        if (pieces.Count == 0)
            throw new ArgumentException($"The teacher shows no {skill} on {task}.");
        return pieces;
    }

    private static Demonstrations DataOf(IEnumerable<IReadOnlyList<AgentStep>> demonstrations, int features)
    {
        var data = new Demonstrations(features);
        foreach (IReadOnlyList<AgentStep> demonstration in demonstrations)
            foreach (AgentStep step in demonstration)
                data.Add(step.Features, step.Action);
        return data;
    }
}
