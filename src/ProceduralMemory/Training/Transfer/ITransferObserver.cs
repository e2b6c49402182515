namespace ProceduralMemory.Training.Transfer;

/// <summary>Hears about a <see cref="TransferRun"/> as it goes (a progress line per evaluation, say).</summary>
public interface ITransferObserver
{
    /// <summary>An evaluation was made.</summary>
    void OnEvaluation(TransferProgress progress);
}
