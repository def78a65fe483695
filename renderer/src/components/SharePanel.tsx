import { useCallback, useEffect, useState } from 'react';
import { EVERY_INTERFACE_ADDRESS, type ClassroomSharingApi, type NetworkChoice, type SharingState } from '../../../core/common/api.js';
import type { Strings } from '../i18n.js';
import { Panel } from './Panel.js';

interface SharePanelProps {
  sharing: ClassroomSharingApi;
  strings: Strings;
  onRunningChange: (running: boolean) => void;
  onClose: () => void;
}

/** How often the open panel refreshes the connected-students count. */
const REFRESH_MS = 3000;

/** "Chia sẻ với lớp học": start and stop the classroom server, and show students where to go. */
export function SharePanel({ sharing, strings, onRunningChange, onClose }: SharePanelProps) {
  const [state, setState] = useState<SharingState | null>(null);
  const [host, setHost] = useState('');
  const [port, setPort] = useState('');
  const [busy, setBusy] = useState(false);

  const show = useCallback(
    (next: SharingState) => {
      setState(next);
      onRunningChange(next.running);
      // Sharing stopped because its network left: offer a network the machine still has.
      if (next.error?.code === 'network-gone') setHost(EVERY_INTERFACE_ADDRESS);
    },
    [onRunningChange],
  );

  useEffect(() => {
    void sharing.getSharing().then((first) => {
      show(first);
      // The address used last time may be gone (another day, another Wi-Fi): then offer every network.
      setHost(first.networks.some((choice) => choice.address === first.host) ? first.host : EVERY_INTERFACE_ADDRESS);
      setPort(String(first.port));
    });
  }, [sharing, show]);

  useEffect(() => {
    if (!state?.running) return;
    const timer = setInterval(() => void sharing.getSharing().then(show), REFRESH_MS);
    return () => clearInterval(timer);
  }, [sharing, show, state?.running]);

  const act = async (action: () => Promise<SharingState>) => {
    setBusy(true);
    try {
      show(await action());
    } finally {
      setBusy(false);
    }
  };
  const portNumber = Number(port);
  const portValid = Number.isInteger(portNumber) && portNumber >= 1024 && portNumber <= 65535;
  const networkLabel = (choice: NetworkChoice) =>
    ({ every: strings.shareEveryNetwork, 'this-machine': strings.shareThisMachine, interface: `${choice.name} — ${choice.address}` })[choice.kind];
  const reachableByThisMachineOnly = state?.running && state.urls.every((url) => url.startsWith('http://127.'));

  return (
    <Panel title={strings.share} closeLabel={strings.close} onClose={onClose} className="share-panel">
      {!state ? (
        <p className="muted">{strings.loading}</p>
      ) : state.running ? (
        <>
          <p className="muted">{strings.shareIntro}</p>
          <div className="share-address">
            <span className="muted">{strings.shareAddress}</span>
            {state.urls.map((url) => (
              <output key={url} className="share-url">
                {url}
              </output>
            ))}
          </div>
          {state.qrSvg && (
            <img
              className="share-qr"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(state.qrSvg)}`}
              alt={strings.shareQr(state.urls[0])}
              width={220}
              height={220}
            />
          )}
          {reachableByThisMachineOnly && <p role="alert">{state.host === EVERY_INTERFACE_ADDRESS ? strings.shareNoNetwork : strings.shareLoopbackOnly}</p>}
          <p className="share-students" aria-live="polite">
            <span className="live-dot" aria-hidden="true" />
            {strings.shareStudents(state.students)}
          </p>
          <button type="button" className="share-action stop" disabled={busy} onClick={() => void act(() => sharing.stopSharing())}>
            {strings.shareStop}
          </button>
        </>
      ) : (
        <form
          className="share-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (portValid) void act(() => sharing.startSharing({ host, port: portNumber }));
          }}
        >
          <p className="muted">{strings.shareOff}</p>
          <label className="row">
            {strings.shareNetwork}
            <select value={host} onChange={(event) => setHost(event.target.value)}>
              {state.networks.map((choice) => (
                <option key={choice.address} value={choice.address}>
                  {networkLabel(choice)}
                </option>
              ))}
            </select>
          </label>
          <label className="row">
            {strings.sharePort}
            <input type="number" min={1024} max={65535} value={port} aria-invalid={!portValid} onChange={(event) => setPort(event.target.value)} />
          </label>
          {state.error && (
            <p role="alert" className="share-error">
              {strings.shareErrors[state.error.code](state.port)}
            </p>
          )}
          <button type="submit" className="share-action" disabled={busy || !portValid}>
            {strings.shareStart}
          </button>
        </form>
      )}
    </Panel>
  );
}
