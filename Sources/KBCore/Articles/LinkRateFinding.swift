/// A validated article that answers solved tickets which do not link it: not a gap, a linking habit to fix
/// (agents solved the problem without the article, or used it and did not say so).
public struct LinkRateFinding: Sendable, Equatable {
    public let articleID: String
    public let title: String
    /// The tickets it answers that link no indexed article, in time order.
    public let tickets: [GapCluster.Member]
}
