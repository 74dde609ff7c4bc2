import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/commands';
import type { AppError } from '../../../shared/errors';
import { call } from './client';

/** A read command as a cached query; the key is the command name and its input. */
export function useCommand<N extends CommandName>(
  name: N,
  input: CommandInput<N>,
  options: Omit<UseQueryOptions<CommandOutput<N>, AppError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<CommandOutput<N>, AppError>({ queryKey: [name, input], queryFn: () => call(name, input), ...options });
}

/**
 * A write command. `invalidates` names the capabilities (or commands) whose cached reads become
 * stale, e.g. `['people']` refreshes every `people.*` query.
 */
export function useCommandMutation<N extends CommandName>(name: N, options: { invalidates?: string[] } = {}) {
  const client = useQueryClient();
  return useMutation<CommandOutput<N>, AppError, CommandInput<N>>({
    mutationFn: (input) => call(name, input),
    onSuccess: async () => {
      const prefixes = options.invalidates ?? [name.split('.')[0]!];
      await client.invalidateQueries({
        predicate: (q) => prefixes.some((p) => String(q.queryKey[0]).startsWith(p)),
      });
    },
  });
}
