/** Everything Gleaner shows in the page, rendered from one plain state object (see ui.ts). */
import type { Figure } from '../../analysis/types';
import type { Annotation, Color } from '../../shared/types';
import { FigureCard } from './FigureCard';
import { HighlightCard, type CardDraft } from './HighlightCard';
import { Notices, type ShownNotice } from './Notices';
import type { Box } from './position';
import { ReattachList, type OrphanItem } from './ReattachList';
import { SelectionToolbar } from './SelectionToolbar';

export interface UiState {
  labels: Record<Color, string>;
  toolbar: { boxes: Box[]; orphans: number } | null;
  reattach: { boxes: Box[]; items: OrphanItem[] } | null;
  card: { annotation: Annotation; boxes: Box[]; focus: 'note' | 'tags' | null; status: string } | null;
  figure: { figure: Figure; boxes: Box[]; pinned: boolean } | null;
  notices: ShownNotice[];
}

export interface UiActions {
  color(color: Color): void;
  note(): void;
  tag(): void;
  copy(): void;
  closeToolbar(): void;
  openReattach(): void;
  reattach(id: string): void;
  closeReattach(): void;
  saveCard(draft: CardDraft): void;
  deleteCard(): void;
  closeCard(draft: CardDraft | null): void;
  pinFigure(): void;
  closeFigure(): void;
  dismiss(id: number): void;
}

export interface AppProps {
  state: UiState;
  actions: UiActions;
  draftRef?: { current: (() => CardDraft | null) | null };
}

export function App({ state, actions, draftRef }: AppProps) {
  return (
    <>
      {state.toolbar ? (
        <SelectionToolbar
          boxes={state.toolbar.boxes}
          labels={state.labels}
          onColor={actions.color}
          onNote={actions.note}
          onTag={actions.tag}
          onCopy={actions.copy}
          onClose={actions.closeToolbar}
          orphans={state.toolbar.orphans}
          onReattach={actions.openReattach}
        />
      ) : null}
      {state.reattach ? (
        <ReattachList
          boxes={state.reattach.boxes}
          items={state.reattach.items}
          onPick={actions.reattach}
          onClose={actions.closeReattach}
        />
      ) : null}
      {state.card ? (
        <HighlightCard
          key={state.card.annotation.id}
          annotation={state.card.annotation}
          boxes={state.card.boxes}
          labels={state.labels}
          focus={state.card.focus}
          status={state.card.status}
          onSave={actions.saveCard}
          onDelete={actions.deleteCard}
          onClose={actions.closeCard}
          draftRef={draftRef}
        />
      ) : null}
      {state.figure ? (
        <FigureCard
          figure={state.figure.figure}
          boxes={state.figure.boxes}
          pinned={state.figure.pinned}
          onPin={actions.pinFigure}
          onClose={actions.closeFigure}
        />
      ) : null}
      <Notices notices={state.notices} onDismiss={actions.dismiss} />
    </>
  );
}
