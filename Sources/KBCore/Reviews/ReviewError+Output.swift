extension ReviewError {
    /// A review's output problem, worded as `kb review` words it.
    public init(_ problem: OutputProblem) {
        switch problem {
        case .exists(let paths): self = .wouldOverwrite(paths: paths)
        case .isFolder(let path): self = .outputIsFolder(path: path)
        case .folderMissing(let path, let folder): self = .unwritable(path: path, reason: "folder \(folder) does not exist")
        case .unwritable(let path, let reason): self = .unwritable(path: path, reason: reason)
        }
    }
}
