namespace ProceduralMemory.Cli.Crash;

/// <summary>What a crash soak (<see cref="CrashSoak"/>) found and what its kills exercised.</summary>
/// <param name="Rounds">Rounds run.</param>
/// <param name="Failures">Rounds with any failure: a check that did not pass, or a training run that failed by itself.</param>
/// <param name="SkillsLost">Skills reported stored but missing afterwards, summed over the checks.</param>
/// <param name="IntegrityFailures">Checks where <c>PRAGMA integrity_check</c> was not <c>ok</c>.</param>
/// <param name="Kills">Rounds whose training process was killed (the others finished before their kill moment).</param>
/// <param name="KillsAfterStoredSkill">Kills that landed after the killed process had reported storing a skill.</param>
/// <param name="KillsWithStoredSkills">Kills that landed when the library held at least one skill reported stored (there was something to lose).</param>
/// <param name="SkillsReported">Skills reported stored, over all training processes.</param>
/// <param name="ResumeRuns">Training runs after a kill that ran to completion, as every resume check requires.</param>
/// <param name="FastestRunSeconds">The shortest time a whole training run took (start to exit), over the runs timed to set the kill moments.</param>
/// <param name="SlowestRunSeconds">The longest such time.</param>
/// <param name="Seconds">Wall-clock time of the whole soak.</param>
internal sealed record CrashSoakResult(
    int Rounds,
    int Failures,
    int SkillsLost,
    int IntegrityFailures,
    int Kills,
    int KillsAfterStoredSkill,
    int KillsWithStoredSkills,
    int SkillsReported,
    int ResumeRuns,
    double FastestRunSeconds,
    double SlowestRunSeconds,
    double Seconds);
