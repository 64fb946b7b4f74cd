extension TrainingError {
    /// The material's output problem, worded as `kb training` words it.
    public init(_ problem: OutputProblem) {
        switch problem {
        case .exists(let paths): self = .outputExists(path: paths.first ?? "")
        case .isFolder(let path): self = .outputIsFolder(path: path)
        case .folderMissing(let path, let folder): self = .outputFolderMissing(path: path, folder: folder)
        case .unwritable(let path, let reason): self = .unwritable(path: path, reason: reason)
        }
    }
}
