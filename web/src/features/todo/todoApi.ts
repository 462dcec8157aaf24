// The caller's to-do list.

import { request } from '../../shared/api/client';
import type { TodoList } from './todo';

export const todoApi = {
  mine(options: { overdue?: boolean; limit?: number }, signal?: AbortSignal): Promise<TodoList> {
    const query = new URLSearchParams();
    if (options.overdue) query.set('overdue', 'true');
    if (options.limit) query.set('limit', String(options.limit));
    const suffix = query.size ? `?${query}` : '';
    return request('GET', `/me/todo${suffix}`, { signal });
  },
};
