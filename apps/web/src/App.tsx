import { BoardRoute } from './BoardRoute';
import { Landing } from './Landing';
import { ProblemPage } from './ProblemPage';
import { useRoute } from './router';

export function App() {
  const route = useRoute();
  switch (route.name) {
    case 'landing':
      return <Landing />;
    case 'board':
      return <BoardRoute key={route.boardId} boardId={route.boardId} />;
    case 'notFound':
      return <ProblemPage message="app.notFound" />;
  }
}
