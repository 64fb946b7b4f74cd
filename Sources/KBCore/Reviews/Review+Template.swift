extension Review {
    /// The values `review.md` / `review.html` templates render (see `ReviewRenderer`); for `kb render` previews.
    public func templateValue(format: ReviewFormat) -> TemplateValue {
        ReviewTemplateContext(review: self, format: format).value
    }
}
