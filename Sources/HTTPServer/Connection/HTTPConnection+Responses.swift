import Dispatch

extension HTTPConnection {
    /// Answers a request, on the loop or on a handler lane as the machine said; returns what
    /// the machine asks next (nothing yet, for a worker's answer).
    func answer(_ incoming: Request, offLoop: Bool) -> [ConnectionStateMachine.Action] {
        let started = DispatchTime.now()
        var request = incoming
        request.remoteAddress = remoteAddress
        request.id = RequestID.take(from: request.headerFields.value(.requestID))
        guard offLoop else {
            let response = respond(to: request)
            guard response.gate != nil else { return finish(request, with: response, started: started) }
            send(response, to: request, started: started)
            return []
        }
        answerOffLoop(request, started: started)
        return []
    }

    /// Answers the request on a handler lane and sends the response; `attempt` counts the times
    /// it was answered before (see ``AnswerAgain``).
    private func answerOffLoop(_ request: Request, started: DispatchTime, attempt: Int = 0) {
        let blocking = context.responder.mayBlock(answering: request)
        HandlerLanes.lane(for: descriptor, blocking: blocking).async { [self, request] in
            send(respond(to: request), to: request, started: started, attempt: attempt)
        }
    }

    /// Sends a response from the loop, once its gate (if any) opens; a failed gate sends the
    /// error's problem instead, or has the request answered again (``AnswerAgain``). On any thread.
    private func send(_ response: Response, to request: Request, started: DispatchTime, attempt: Int = 0) {
        guard let gate = response.gate else { return sendOnLoop(response, to: request, started: started) }
        gate.whenOpen { [self] error in
            guard let error else { return sendOnLoop(response, to: request, started: started) }
            if error is AnswerAgain, attempt < AnswerAgain.limit {
                return answerOffLoop(request, started: started, attempt: attempt + 1)
            }
            let problem = ErrorMiddleware.response(for: error, to: request, logger: context.logger)
            sendOnLoop(response.failing(with: problem), to: request, started: started)
        }
    }

    private func sendOnLoop(_ response: Response, to request: Request, started: DispatchTime) {
        loop.execute { [self] in
            guard !machine.isClosed else { return }
            perform(finish(request, with: response, started: started))
        }
    }

    /// The responder's answer, or the problem its error stands for. On any thread.
    private func respond(to request: Request) -> Response {
        do {
            return try context.responder.respond(to: request)
        } catch {
            return ErrorMiddleware.response(for: error, to: request, logger: context.logger)
        }
    }

    /// Hands a request's response to the machine and records it.
    private func finish(_ request: Request, with response: Response, started: DispatchTime) -> [ConnectionStateMachine.Action] {
        let keepAlive =
            request.keepAlive && !context.shutdown.isRequested && response.headerFields.value(.connection)?.lowercased() != "close"
        let (bytesOut, actions) = machine.respond(
            with: response, to: request, requestID: request.id, keepAlive: keepAlive, head: headContext, now: .now())
        context.observer?.requestCompleted(
            RequestRecord(
                method: request.method, path: request.path, route: response.route, status: response.status,
                bytesIn: request.body.count, bytesOut: bytesOut,
                duration: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9,
                requestID: request.id, remoteAddress: remoteAddress, userAgent: request.headerFields.value(.userAgent)))
        return actions
    }

    /// Answers an error that no request (or no complete one) stands behind; the connection
    /// closes after it.
    func answer(failure error: HTTPError) -> [ConnectionStateMachine.Action] {
        let response = ProblemDetails.response(for: error)
        let id = RequestID.generate()
        let (bytes, actions) = machine.respond(with: response, to: nil, requestID: id, keepAlive: false, head: headContext, now: .now())
        context.observer?.requestCompleted(
            RequestRecord(
                method: .get, path: "", route: nil, status: response.status, bytesIn: 0, bytesOut: bytes,
                duration: 0, requestID: id, remoteAddress: remoteAddress, userAgent: nil))
        return actions
    }

    private var headContext: ConnectionStateMachine.HeadContext {
        ConnectionStateMachine.HeadContext(date: context.dateHeader.current, serverName: context.configuration.serverName)
    }
}
