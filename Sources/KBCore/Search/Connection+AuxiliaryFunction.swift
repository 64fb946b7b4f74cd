import CSQLite

extension Connection {
    /// The body of an FTS5 auxiliary function: the extension API, the query's context, the result to set and the
    /// SQL arguments after the table; returns an SQLite result code (anything but `SQLITE_OK` fails the call).
    typealias AuxiliaryFunction = (UnsafePointer<Fts5ExtensionApi>, OpaquePointer, OpaquePointer,
                                   UnsafeBufferPointer<OpaquePointer?>) -> Int32

    /// Holds an auxiliary function's body as FTS5's user data, released when the connection closes.
    final class AuxiliaryFunctionBox {
        let body: AuxiliaryFunction
        init(_ body: @escaping AuxiliaryFunction) { self.body = body }
    }

    /// Registers `body` as the FTS5 auxiliary function `name` (`kb_rank`, `kb_snippet`) through the `fts5_api`.
    func createAuxiliaryFunction(_ name: String, _ body: @escaping AuxiliaryFunction) throws {
        let api = try fts5API()
        guard let create = api.pointee.xCreateFunction else { throw StoreError.missingFTS5 }
        let box = Unmanaged.passRetained(AuxiliaryFunctionBox(body)).toOpaque()
        let code = create(api, name, box, { extensionAPI, context, result, argumentCount, arguments in
            guard let extensionAPI, let context, let result, let user = extensionAPI.pointee.xUserData(context) else { return }
            let body = Unmanaged<AuxiliaryFunctionBox>.fromOpaque(user).takeUnretainedValue().body
            let code = body(extensionAPI, context, result, UnsafeBufferPointer(start: arguments, count: Int(argumentCount)))
            if code != SQLITE_OK { sqlite3_result_error_code(result, code) }
        }, { user in
            guard let user else { return }
            Unmanaged<AuxiliaryFunctionBox>.fromOpaque(user).release()
        })
        guard code == SQLITE_OK else {
            Unmanaged<AuxiliaryFunctionBox>.fromOpaque(box).release()
            throw SQLiteError(connection: handle, code: code)
        }
    }
}
