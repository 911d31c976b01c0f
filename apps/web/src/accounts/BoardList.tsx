import { useEffect, useState } from 'react';
import { type ApiResult, type BoardSummary, listBoards } from '../lib/api';
import { currentLanguage, t } from '../lib/messages';
import { boardPath, navigate } from '../lib/router';
import { ImportBoardForm } from '../reports/ImportBoardForm';
import { formatMeetingDate } from '../versions/labels';

/**
 * The boards this staff member is on, newest first, each a link to open it, with when its next
 * review conference is due (flagged when overdue).
 */
export function BoardList() {
  const [boards, setBoards] = useState<ApiResult<BoardSummary[]> | null>(null);
  useEffect(() => {
    let cancelled = false;
    void listBoards().then((result) => {
      if (!cancelled) setBoards(result);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <section aria-labelledby="boards-title">
      <h2 id="boards-title">{t('home.title')}</h2>
      {boards === null && <p role="status">{t('home.loading')}</p>}
      {boards && !boards.ok && (
        <p className="error" role="alert">
          {t('home.loadFailed')}
        </p>
      )}
      {boards?.ok && boards.value.length === 0 && <p>{t('home.empty')}</p>}
      {boards?.ok && boards.value.length > 0 && (
        <ul className="board-list">
          {boards.value.map((board) => (
            <li key={board.id}>
              <a
                href={boardPath(board.id)}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(boardPath(board.id));
                }}
              >
                {board.title}
              </a>{' '}
              <span className="hint">{t('home.yourRole', { role: t(`role.${board.role}`) })}</span>
              {board.nextReview && (
                <span className={`board-review${board.nextReview.overdue ? ' board-review--overdue' : ''}`}>
                  {t(board.nextReview.overdue ? 'home.review.overdue' : 'home.review.due', {
                    date: formatMeetingDate(board.nextReview.dueBy, currentLanguage()),
                  })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <ImportBoardForm />
    </section>
  );
}
